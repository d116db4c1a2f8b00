using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines.Changes;

/// <param name="DueAt">ISO 8601 local date-time: Amsterdam time without offset ("2027-06-01T12:00"), or with UTC / Amsterdam's offset.</param>
/// <param name="Outage">An extension after a platform outage: may extend a passed deadline while its phase is still open.</param>
public sealed record ChangeDeadlineRequest(string? DueAt, string? Reason, bool Outage = false);

/// <summary>The changed deadline and all deadlines of the tender after the change (the cascaded ones moved too).</summary>
public sealed record DeadlineChangedView(DeadlineView Changed, IReadOnlyList<DeadlineView> Deadlines, long Revision);

public static class DeadlineViews
{
    public static IReadOnlyList<DeadlineView> For(Tender tender, WorkflowDefinition definition, DateTime nowUtc) =>
        definition.Deadlines.Select(d =>
        {
            var due = tender.Deadline(d.Id)?.DueAtUtc;
            return new DeadlineView(d.Id, d.Title.Nl, d.Title.En, d.Kind.ToString().ToLowerInvariant(), due,
                due is null ? null : AmsterdamTime.ToLocalOffset(due.Value), due is not null && nowUtc >= due);
        }).ToList();
}
