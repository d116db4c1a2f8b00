namespace TenderFlow.Domain.Evaluation;

/// <summary>The chair's consensus score of one application on one criterion, with motivation; the score the ranking uses.</summary>
public sealed class ConsensusScore
{
    public const int MaxMotivationLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid CriterionId { get; init; }
    public int Score { get; set; }
    public required string Motivation { get; set; }
    public required string ChairUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
