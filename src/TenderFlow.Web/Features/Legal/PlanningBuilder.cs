using System.Text.Json;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Legal;

/// <summary>
/// Planned against actual from the history alone. Actual: the steps (<c>tender.trigger.fired</c>) cut the time from the
/// tender's creation into phase intervals; the current one runs to now. Planned: each deadline's moment at the tender's
/// creation (<c>tender.created</c>), or, when it had none then, the first moment a change gave it; a phase's planned window
/// ends at the latest planned deadline last watched in that phase and starts where the planned windows before it ended.
/// </summary>
public static class PlanningBuilder
{
    public static PlanningPicture Build(DossierData dossier, DateTime nowUtc)
    {
        var (tender, definition, history, _) = dossier;
        var intervals = Intervals(history, definition.InitialPhase, tender.CreatedAtUtc, nowUtc, out var current);
        var planned = PlannedDeadlines(history);
        var rows = RowPhases(definition, intervals.Keys.ToHashSet(), current);

        var bars = new List<PhaseBar>();
        DateTime? plannedSoFar = rows.FirstOrDefault() == definition.InitialPhase ? tender.CreatedAtUtc : null;
        foreach (var phase in rows)
        {
            var ends = definition.Deadlines.Where(d => d.ActiveIn.Count > 0 && d.ActiveIn[^1] == phase)
                .Select(d => (planned.TryGetValue(d.Id, out var p) ? p : null) ?? tender.Deadline(d.Id)?.DueAtUtc)
                .Where(m => m is not null).Select(m => m!.Value).ToList();
            DateTime? plannedEnd = ends.Count > 0 ? ends.Max() : null;
            DateTime? plannedStart = plannedEnd is not null && plannedSoFar is { } s && s <= plannedEnd ? s : null;
            bars.Add(new PhaseBar(phase, PortalText.For(definition.Phase(phase).Title), intervals.GetValueOrDefault(phase) ?? [],
                phase == current, plannedStart ?? plannedEnd, plannedEnd));
            if (plannedEnd is { } end && (plannedSoFar is null || end > plannedSoFar))
            {
                plannedSoFar = end;
            }
        }

        var marks = tender.Deadlines
            .Select(d => new DeadlineMark(d.Key, definition.Deadline(d.Key) is { } def ? PortalText.For(def.Title) : d.Key,
                planned.TryGetValue(d.Key, out var p) ? p ?? d.DueAtUtc : d.DueAtUtc, d.DueAtUtc))
            .Where(m => m.PlannedUtc is not null || m.CurrentUtc is not null)
            .OrderBy(m => m.CurrentUtc ?? m.PlannedUtc).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new PlanningPicture($"{tender.Reference} {tender.Title}", nowUtc, bars, marks);
    }

    private static Dictionary<string, List<PhaseInterval>> Intervals(
        IReadOnlyList<HistoryEvent> history, string initial, DateTime createdUtc, DateTime nowUtc, out string current)
    {
        var intervals = new Dictionary<string, List<PhaseInterval>>(StringComparer.Ordinal);
        current = initial;
        var since = history.Count > 0 ? history[0].Event.OccurredAtUtc : createdUtc;
        foreach (var e in history.Where(e => e.Event.Action == TenderHistory.StepAction))
        {
            using var payload = JsonDocument.Parse(e.Event.PayloadJson);
            if (!payload.RootElement.TryGetProperty("to", out var to) || to.GetString() is not { } next)
            {
                continue;
            }
            Add(intervals, current, since, e.Event.OccurredAtUtc);
            current = next;
            since = e.Event.OccurredAtUtc;
        }
        Add(intervals, current, since, nowUtc > since ? nowUtc : since);
        return intervals;
    }

    private static void Add(Dictionary<string, List<PhaseInterval>> intervals, string phase, DateTime start, DateTime end)
    {
        if (!intervals.TryGetValue(phase, out var list))
        {
            intervals[phase] = list = [];
        }
        list.Add(new PhaseInterval(start, end));
    }

    /// <summary>Each deadline's planned moment: its value at creation, else the first value a change gave it (null: never had one).</summary>
    private static Dictionary<string, DateTime?> PlannedDeadlines(IReadOnlyList<HistoryEvent> history)
    {
        var planned = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            using var payload = JsonDocument.Parse(e.Event.PayloadJson);
            var root = payload.RootElement;
            if (e.Event.Action == "tender.created" && root.TryGetProperty("deadlines", out var deadlines) && deadlines.ValueKind == JsonValueKind.Array)
            {
                foreach (var d in deadlines.EnumerateArray())
                {
                    if (Text(d, "key") is { } key)
                    {
                        planned[key] = Moment(d, "dueAtUtc");
                    }
                }
            }
            else if (e.Event.Action is "deadline.rectified" or "deadline.extended")
            {
                First(planned, Text(root, "deadline"), Moment(root, "oldDueAtUtc") ?? Moment(root, "newDueAtUtc"));
                if (root.TryGetProperty("cascaded", out var cascaded) && cascaded.ValueKind == JsonValueKind.Array)
                {
                    foreach (var c in cascaded.EnumerateArray())
                    {
                        First(planned, Text(c, "deadline"), Moment(c, "oldDueAtUtc") ?? Moment(c, "newDueAtUtc"));
                    }
                }
            }
        }
        return planned;
    }

    private static void First(Dictionary<string, DateTime?> planned, string? key, DateTime? moment)
    {
        if (key is not null && planned.GetValueOrDefault(key) is null && moment is not null)
        {
            planned[key] = moment;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTime? Moment(JsonElement e, string name) =>
        Text(e, name) is { } text && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var m)
            ? DateTime.SpecifyKind(m, DateTimeKind.Utc) : null;

    /// <summary>
    /// The phases visited, and (unless the tender has ended) those it will reach on the ordinary way forward: from each phase
    /// the trigger to the nearest later phase of the definition, so a cancellation or an unsuccessful end is not foreseen.
    /// </summary>
    private static List<string> RowPhases(WorkflowDefinition definition, HashSet<string> visited, string current)
    {
        var order = definition.Phases.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var ahead = new HashSet<string>(StringComparer.Ordinal);
        var phase = current;
        while (!definition.Phase(phase).IsEnd)
        {
            var next = definition.TriggersFrom(phase).Select(t => t.To).Where(to => order[to] > order[phase]).OrderBy(to => order[to]).FirstOrDefault();
            if (next is null || !ahead.Add(next))
            {
                break;
            }
            phase = next;
        }
        return definition.Phases.Select(p => p.Id).Where(p => visited.Contains(p) || ahead.Contains(p)).ToList();
    }
}
