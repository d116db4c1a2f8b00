using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Deadlines;

/// <summary>One job a tender should have. <see cref="CreateIfMissing"/> is false for a reminder whose moment has gone: one already planned still runs (late), none is added.</summary>
public sealed record PlannedDeadlineJob(string DeadlineKey, DeadlineJobKind Kind, string Offset, DateTime DeadlineDueAtUtc, DateTime RunAtUtc, bool CreateIfMissing = true);

/// <summary>
/// Which deadline jobs a tender should have right now: for every deadline with a date that is watched in the current
/// phase, its reminders (those still ahead), its close job and its escalation. Anything else is cancelled.
/// </summary>
public static class DeadlineJobPlan
{
    public static IReadOnlyList<PlannedDeadlineJob> For(Tender tender, WorkflowDefinition definition, DateTime nowUtc)
    {
        var jobs = new List<PlannedDeadlineJob>();
        if (definition.Phase(tender.Phase).IsEnd)
        {
            return jobs;
        }
        foreach (var d in definition.Deadlines.Where(d => d.ActiveIn.Contains(tender.Phase)))
        {
            if (tender.Deadline(d.Id)?.DueAtUtc is not { } due)
            {
                continue;
            }
            foreach (var reminder in d.Reminders)
            {
                var runAt = reminder.Negated().ApplyTo(due);
                // A reminder whose moment had already gone when the deadline was set would only confuse; the deadline itself still closes.
                jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Reminder, reminder.ToString(), due, runAt, CreateIfMissing: runAt > nowUtc));
            }
            jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Close, "", due, due));
            if (d.EscalateAfter is { } after)
            {
                jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Escalation, after.ToString(), due, after.ApplyTo(due)));
            }
        }
        return jobs;
    }
}
