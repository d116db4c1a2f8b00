using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines.Changes;

/// <param name="DueAt">ISO 8601 local date-time: Amsterdam time without offset ("2027-06-01T12:00"), or with UTC / Amsterdam's offset.</param>
/// <param name="Outage">An extension after a platform outage: may extend a passed deadline while its phase is still open.</param>
/// <param name="ExpectedRevision">The tender's revision the change was decided on; another revision by then gives 409 and changes nothing.</param>
public sealed record ChangeDeadlineRequest(string? DueAt, string? Reason, bool Outage = false, long? ExpectedRevision = null);

/// <summary>The changed deadline and all deadlines of the tender after the change (the cascaded ones moved too).</summary>
public sealed record DeadlineChangedView(DeadlineView Changed, IReadOnlyList<DeadlineView> Deadlines, long Revision);

