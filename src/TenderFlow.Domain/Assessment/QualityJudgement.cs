namespace TenderFlow.Domain.Assessment;

/// <summary>One evaluator's judgement of the tender on one quality criterion; final once submitted.</summary>
public sealed class QualityJudgement
{
    public const int MaxMotivationLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string CriterionKey { get; init; }
    public required string EvaluatorUserId { get; init; }
    public bool Sufficient { get; init; }
    public required string Motivation { get; init; }
    public DateTime SubmittedAtUtc { get; init; }

    /// <summary>Set when a new submission round began (<c>returnToDialogue</c>): kept on record, no longer counted.</summary>
    public DateTime? SupersededAtUtc { get; set; }
}

/// <summary>The committee's settled judgement on one criterion, recorded by the chair; final until the award is revised.</summary>
public sealed class QualityConsensus
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string CriterionKey { get; init; }
    public bool Sufficient { get; init; }
    public required string Motivation { get; init; }
    public required string ChairUserId { get; init; }
    public DateTime RecordedAtUtc { get; init; }

    /// <summary>Set when a new submission round began (<c>returnToDialogue</c>) or the award was revised (<c>reviseAward</c>): kept on record, no longer deciding.</summary>
    public DateTime? SupersededAtUtc { get; set; }
}
