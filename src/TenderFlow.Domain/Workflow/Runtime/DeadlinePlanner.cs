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

    /// <summary>The moments the tender's deadlines would have with <paramref name="key"/> at <paramref name="dueUtc"/> (those counted from it follow); the tender is not changed.</summary>
    public static Dictionary<string, DateTime?> Preview(Tender tender, WorkflowDefinition definition, string key, DateTime dueUtc)
    {
        var dues = Dues(tender, definition);
        dues[key] = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
        Follow(definition, dues);
        return dues;
    }

    /// <summary>Every deadline of the definition with the tender's moment for it (null when it has none yet).</summary>
    public static Dictionary<string, DateTime?> Dues(Tender tender, WorkflowDefinition definition) =>
        definition.Deadlines.ToDictionary(d => d.Id, d => tender.Deadline(d.Id)?.DueAtUtc, StringComparer.Ordinal);

    private static void Cascade(Tender tender, WorkflowDefinition definition, List<DeadlineChange> changes, DateTime nowUtc)
    {
        var dues = Dues(tender, definition);
        foreach (var key in Follow(definition, dues))
        {
            Set(tender, definition.Deadline(key)!, dues[key]!.Value, changes, nowUtc);
        }
    }

    /// <summary>Recomputes the deadlines counted from another deadline, in <paramref name="dues"/>; returns those that moved, in the order they moved.</summary>
    private static List<string> Follow(WorkflowDefinition definition, Dictionary<string, DateTime?> dues)
    {
        var moved = new List<string>();
        // Relative chains are acyclic (the validator guarantees it), so one pass per link suffices.
        for (var pass = 0; pass < definition.Deadlines.Count; pass++)
        {
            var changed = false;
            foreach (var d in definition.Deadlines.Where(d => d.Kind == DeadlineKind.Relative && d.RelativeToDeadline is not null))
            {
                if (dues[d.RelativeToDeadline!] is { } baseDue && Compute(d, baseDue) is var due && dues[d.Id] != due)
                {
                    dues[d.Id] = due;
                    moved.Remove(d.Id);
                    moved.Add(d.Id);
                    changed = true;
                }
            }
            if (!changed)
            {
                return moved;
            }
        }
        return moved;
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
