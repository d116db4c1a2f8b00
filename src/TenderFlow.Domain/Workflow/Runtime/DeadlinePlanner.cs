using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Runtime;

public sealed record DeadlineChange(string Key, DateTime? FromUtc, DateTime ToUtc);

/// <summary>Works out the moments of a tender's deadlines from the definition: fixed, planned, or relative.</summary>
public static class DeadlinePlanner
{
    /// <summary>Creates a row for every deadline; fixed and planned ones get their moment now, relative ones when their base is known.</summary>
    public static void Initialise(Tender tender, WorkflowDefinition definition, IReadOnlyDictionary<string, DateTime> plannedUtc, DateTime nowUtc)
    {
        foreach (var d in definition.Deadlines)
        {
            DateTime? due = d.Kind switch
            {
                DeadlineKind.Absolute => d.At!.Value.UtcDateTime,
                DeadlineKind.Planned => plannedUtc.TryGetValue(d.Id, out var at) ? at : null,
                DeadlineKind.Relative => null,
            };
            tender.Deadlines.Add(new TenderDeadline { TenderId = tender.Id, Key = d.Id, DueAtUtc = due, SetAtUtc = due is null ? null : nowUtc });
        }
        Cascade(tender, definition, [], nowUtc);
    }

    /// <summary>Starts the deadlines that count from entering <paramref name="phase"/>; re-entering restarts them.</summary>
    public static IReadOnlyList<DeadlineChange> PhaseEntered(Tender tender, WorkflowDefinition definition, string phase, DateTime atUtc)
    {
        var changes = new List<DeadlineChange>();
        foreach (var d in definition.Deadlines.Where(d => d.Kind == DeadlineKind.Relative && d.RelativeToPhaseEntered == phase))
        {
            Set(tender, d, Compute(d, atUtc), changes, atUtc);
        }
        Cascade(tender, definition, changes, atUtc);
        return changes;
    }

    /// <summary>
    /// Moves a planned deadline to <paramref name="dueUtc"/> and every deadline counted from it; the first change is the
    /// deadline itself (none when the moment is the same). Whether the move is allowed is the caller's rule to check.
    /// </summary>
    public static IReadOnlyList<DeadlineChange> Reschedule(Tender tender, WorkflowDefinition definition, string key, DateTime dueUtc, DateTime nowUtc)
    {
        var deadline = definition.Deadline(key) ?? throw new ArgumentException($"Deadline '{key}' is not in {definition.Id} v{definition.Version}.", nameof(key));
        var changes = new List<DeadlineChange>();
        if (Set(tender, deadline, DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc), changes, nowUtc))
        {
            Cascade(tender, definition, changes, nowUtc);
        }
        return changes;
    }

    private static void Cascade(Tender tender, WorkflowDefinition definition, List<DeadlineChange> changes, DateTime nowUtc)
    {
        // Relative chains are acyclic (the validator guarantees it), so one pass per link suffices.
        for (var pass = 0; pass < definition.Deadlines.Count; pass++)
        {
            var changed = false;
            foreach (var d in definition.Deadlines.Where(d => d.Kind == DeadlineKind.Relative && d.RelativeToDeadline is not null))
            {
                var baseDue = tender.Deadline(d.RelativeToDeadline!)?.DueAtUtc;
                if (baseDue is not null)
                {
                    changed |= Set(tender, d, Compute(d, baseDue.Value), changes, nowUtc);
                }
            }
            if (!changed)
            {
                return;
            }
        }
    }

    private static DateTime Compute(DeadlineDefinition d, DateTime baseUtc)
    {
        var at = d.Offset!.ApplyTo(baseUtc);
        return d.Rounding == DeadlineRounding.EndOfDay ? AmsterdamTime.EndOfDayUtc(at) : at;
    }

    private static bool Set(Tender tender, DeadlineDefinition d, DateTime dueUtc, List<DeadlineChange> changes, DateTime nowUtc)
    {
        var row = tender.Deadline(d.Id);
        if (row is null)
        {
            row = new TenderDeadline { TenderId = tender.Id, Key = d.Id };
            tender.Deadlines.Add(row);
        }
        if (row.DueAtUtc == dueUtc)
        {
            return false;
        }
        changes.Add(new DeadlineChange(d.Id, row.DueAtUtc, dueUtc));
        row.DueAtUtc = dueUtc;
        row.SetAtUtc = nowUtc;
        return true;
    }
}
