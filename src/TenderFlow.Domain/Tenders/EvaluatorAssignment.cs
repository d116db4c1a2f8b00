namespace TenderFlow.Domain.Tenders;

/// <summary>An evaluator assigned to a tender's assessment committee.</summary>
public sealed class EvaluatorAssignment
{
    public Guid TenderId { get; init; }
    public required string UserId { get; init; }
    public DateTime AssignedAtUtc { get; init; }

    /// <summary>The committee's chair (one per tender, designated by Procurement) sets the consensus scores.</summary>
    public bool IsChair { get; set; }
}
