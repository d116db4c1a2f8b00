namespace TenderFlow.Domain.Evaluation;

/// <summary>
/// Procurement's selection decision for a tender: the one selected application. One row per tender, so at most one
/// candidate can be selected; choosing another replaces it (audited). Deviating from the unique rank 1 needs a reason.
/// </summary>
public sealed class CandidateSelection
{
    public const int MaxReasonLength = 4000;

    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; set; }
    public int Rank { get; set; }

    /// <summary>Why rank 1 was not followed, or the record of the notary's lot when the tie rule leaves a tie.</summary>
    public string? Reason { get; set; }
    public required string DecidedByUserId { get; set; }
    public DateTime DecidedAtUtc { get; set; }
}
