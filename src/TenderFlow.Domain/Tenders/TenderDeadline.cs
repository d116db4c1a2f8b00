namespace TenderFlow.Domain.Tenders;

public sealed class TenderDeadline
{
    public Guid TenderId { get; init; }
    public required string Key { get; init; }
    public DateTime? DueAtUtc { get; set; }

    /// <summary>When <see cref="DueAtUtc"/> got its current value: a reminder whose moment had already gone by then is never sent.</summary>
    public DateTime? SetAtUtc { get; set; }

    /// <summary>
    /// Since when the tender has been in phases that watch this deadline without a break (null while it is not watched):
    /// a reminder whose moment had already gone by then is never sent either.
    /// </summary>
    public DateTime? WatchedSinceUtc { get; set; }
}
