using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Deadlines;

/// <summary>One job a tender should have, whether or not it has run yet.</summary>
public sealed record PlannedDeadlineJob(string DeadlineKey, DeadlineJobKind Kind, string Offset, DateTime DeadlineDueAtUtc, DateTime RunAtUtc);

/// <summary>
/// Which deadline jobs a tender should have: for every deadline with a date that is watched in the current phase, its
/// reminders, its close job and its escalation. A pure function of the tender's phase and dates, so jobs are never stored
/// before they run: a step that changes the phase or a date changes the plan with it.
/// </summary>
public static class DeadlineJobPlan
{
    public static IReadOnlyList<PlannedDeadlineJob> For(Tender tender, WorkflowDefinition definition)
    {
        var jobs = new List<PlannedDeadlineJob>();
        if (definition.Phase(tender.Phase).IsEnd)
        {
            return jobs;
        }
        foreach (var d in definition.Deadlines.Where(d => d.ActiveIn.Contains(tender.Phase)))
        {
            if (tender.Deadline(d.Id) is not { DueAtUtc: { } due } row)
            {
                continue;
            }
            // A reminder whose moment had already gone when the deadline got its date, or when the tender came into the
            // phases that watch it, would only confuse; the deadline itself still closes. One planned in time stays
            // planned until it has run, also when the tender moves on to another phase that watches the same deadline.
            var plannedAt = Max(row.WatchedSinceUtc ?? tender.PhaseEnteredAtUtc, row.SetAtUtc ?? tender.CreatedAtUtc);
            foreach (var reminder in d.Reminders)
            {
                var runAt = reminder.Negated().ApplyTo(due);
                if (runAt > plannedAt)
                {
                    jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Reminder, reminder.ToString(), due, runAt));
                }
            }
            jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Close, "", due, due));
            if (d.EscalateAfter is { } after)
            {
                jobs.Add(new PlannedDeadlineJob(d.Id, DeadlineJobKind.Escalation, after.ToString(), due, after.ApplyTo(due)));
            }
        }
        return jobs;
    }

    /// <summary>
    /// Records from when each deadline has been watched: call it whenever the phase may have changed, before
    /// <see cref="For"/>. A deadline that stays watched across a phase change keeps its moment.
    /// </summary>
    public static void Watch(Tender tender, WorkflowDefinition definition, DateTime nowUtc)
    {
        var ended = definition.Phase(tender.Phase).IsEnd;
        foreach (var d in definition.Deadlines)
        {
            if (tender.Deadline(d.Id) is not { } row)
            {
                continue;
            }
            var watched = !ended && d.ActiveIn.Contains(tender.Phase);
            if (watched && row.WatchedSinceUtc is null)
            {
                row.WatchedSinceUtc = nowUtc;
            }
            else if (!watched && row.WatchedSinceUtc is not null)
            {
                row.WatchedSinceUtc = null;
            }
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
