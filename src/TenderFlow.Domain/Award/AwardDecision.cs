namespace TenderFlow.Domain.Award;

/// <summary>
/// One announcement of the intended award to the participant (<c>announceAward</c>), with Procurement's reasons and the
/// standstill end the step planned. An upheld objection revises it (<c>reviseAward</c>); the next announcement is a new row.
/// </summary>
public sealed class AwardDecision
{
    public const int MaxReasonsLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string Reasons { get; init; }
    public required string AnnouncedByUserId { get; init; }
    public DateTime AnnouncedAtUtc { get; init; }
    public DateTime StandstillEndUtc { get; init; }
    public Guid LetterDocumentId { get; set; }
    public DateTime? RevisedAtUtc { get; set; }
    public string? RevisionReason { get; set; }
    public DateTime? FinalAwardAtUtc { get; set; }

    public bool IsCurrent => RevisedAtUtc is null;
}
