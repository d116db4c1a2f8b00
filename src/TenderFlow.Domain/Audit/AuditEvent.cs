namespace TenderFlow.Domain.Audit;

/// <summary>One link of the append-only, hash-chained audit trail. See <see cref="AuditCanonicalForm"/>.</summary>
public sealed class AuditEvent
{
    public long Sequence { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public Guid? TenderId { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }
    public required string PayloadJson { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}
