namespace TenderFlow.Domain.Evaluation;

/// <summary>
/// One evaluator's score of one application's vision on one criterion, with motivation. Written only when the evaluator
/// submits the whole score sheet of that application, and final from then on.
/// </summary>
public sealed class IndividualScore
{
    public const int MaxMotivationLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid CriterionId { get; init; }
    public required string EvaluatorUserId { get; init; }
    public int Score { get; init; }
    public required string Motivation { get; init; }
    public DateTime SubmittedAtUtc { get; init; }
}
