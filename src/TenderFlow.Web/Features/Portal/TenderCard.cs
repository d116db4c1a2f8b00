using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Portal;

/// <summary>What a start page shows of one tender: where it is, what comes next, and what this person may do now.</summary>
public sealed record TenderCard(Tender Tender, WorkflowDefinition Definition, IReadOnlyList<TriggerAvailability> Triggers, DateTime NowUtc)
{
    public PhaseDefinition Phase => Definition.Phase(Tender.Phase);

    public (DeadlineDefinition Deadline, DateTime DueUtc)? NextDeadline =>
        Definition.Deadlines
            .Select(d => (Deadline: d, Due: Tender.Deadline(d.Id)?.DueAtUtc))
            .Where(x => x.Due is { } due && due >= NowUtc)
            .OrderBy(x => x.Due)
            .Select(x => ((DeadlineDefinition, DateTime)?)(x.Deadline, x.Due!.Value))
            .FirstOrDefault();

    /// <summary>Triggers this person's role may fire (permitted or blocked by guards); others are not theirs to see.</summary>
    public IEnumerable<TriggerAvailability> OwnTriggers => Triggers.Where(t => t.RoleAllowed);
}
