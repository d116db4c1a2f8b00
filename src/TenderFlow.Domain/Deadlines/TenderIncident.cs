namespace TenderFlow.Domain.Deadlines;

/// <summary>Something the platform failed to do on its own for a tender (a deadline job that failed for good): shown on the tender page until resolved.</summary>
public sealed class TenderIncident
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary>The deadline whose job failed, when the incident is about one.</summary>
    public string? DeadlineKey { get; init; }
    public required string Kind { get; init; }
    public required string Message { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedByUserId { get; set; }
}
