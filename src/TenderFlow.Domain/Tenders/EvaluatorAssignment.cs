namespace TenderFlow.Domain.Tenders;

/// <summary>An evaluator assigned to a tender's assessment committee.</summary>
public sealed class EvaluatorAssignment
{
    public Guid TenderId { get; init; }
    public required string UserId { get; init; }
    public DateTime AssignedAtUtc { get; init; }
}
