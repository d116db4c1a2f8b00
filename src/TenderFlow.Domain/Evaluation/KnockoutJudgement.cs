namespace TenderFlow.Domain.Evaluation;

/// <summary>
/// Pass or fail of one application on one knock-out experience requirement, with motivation: either an evaluator's own
/// judgement or the chair's settlement (<see cref="IsSettlement"/>). See <see cref="KnockoutRule"/> for which one counts.
/// </summary>
public sealed class KnockoutJudgement
{
    public const int MaxMotivationLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid RequirementId { get; init; }
    public required string EvaluatorUserId { get; init; }
    public bool IsSettlement { get; init; }
    public bool Passed { get; set; }
    public required string Motivation { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
