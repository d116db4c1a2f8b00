using System.Globalization;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Guards;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Workflow.Loading;

/// <summary>What a schema cannot say: names that must exist, graphs that must connect, deadlines that must resolve.</summary>
internal sealed class SemanticValidator(BehaviourRegistry registry)
{
    public List<(string Path, string Reason)> Check(DefinitionDocument d)
    {
        var problems = new List<(string, string)>();
        void Add(string path, string reason) => problems.Add((path, reason));

        var phaseIds = Duplicates(d.Phases.Select(p => p.Id), "$.phases[{0}].id", "phase", Add);
        Duplicates(d.Triggers.Select(t => t.Id), "$.triggers[{0}].id", "trigger", Add);
        var deadlines = d.Deadlines ?? [];
        var deadlineIds = Duplicates(deadlines.Select(x => x.Id), "$.deadlines[{0}].id", "deadline", Add);
        Duplicates((d.DialogueThemes ?? []).Select(x => x.Key), "$.dialogueThemes[{0}].key", "dialogue theme", Add);
        Duplicates((d.QualityCriteria ?? []).Select(x => x.Key), "$.qualityCriteria[{0}].key", "quality criterion", Add);

        var endPhases = d.Phases.Where(p => p.End).Select(p => p.Id).ToHashSet();
        if (!phaseIds.Contains(d.InitialPhase))
        {
            Add("$.initialPhase", $"unknown phase '{d.InitialPhase}'");
        }
        else if (endPhases.Contains(d.InitialPhase))
        {
            Add("$.initialPhase", $"the initial phase '{d.InitialPhase}' is an end state");
        }
        if (endPhases.Count == 0)
        {
            Add("$.phases", "no phase is marked \"end\": the procedure can never finish");
        }

        for (var i = 0; i < d.Phases.Count; i++)
        {
            var phase = d.Phases[i];
            ForEach(phase.Capabilities, $"$.phases[{i}].capabilities", (c, path) =>
            {
                if (!Capabilities.All.Contains(c)) Add(path, $"unknown capability '{c}'");
            });
            ForEach(phase.OnEntry, $"$.phases[{i}].onEntry", (a, path) =>
            {
                if (registry.Action(a) is null) Add(path, $"unknown entry action '{a}' (known: {string.Join(", ", registry.ActionNames.Order())})");
            });
        }

        for (var i = 0; i < d.Triggers.Count; i++)
        {
            var trigger = d.Triggers[i];
            if (trigger.From.Contains(TriggerDefinition.AnyOpenPhase) && trigger.From.Count > 1)
            {
                Add($"$.triggers[{i}].from", "\"*\" already means every open phase; do not list others next to it");
            }
            ForEach(trigger.From, $"$.triggers[{i}].from", (from, path) =>
            {
                if (from == TriggerDefinition.AnyOpenPhase) return;
                if (!phaseIds.Contains(from)) Add(path, $"unknown phase '{from}'");
                else if (endPhases.Contains(from)) Add(path, $"'{from}' is an end state: nothing may leave it");
            });
            if (!phaseIds.Contains(trigger.To))
            {
                Add($"$.triggers[{i}].to", $"unknown phase '{trigger.To}'");
            }
            ForEach(trigger.Roles, $"$.triggers[{i}].roles", (role, path) =>
            {
                if (!Roles.All.Contains(role)) Add(path, $"unknown role '{role}' (known: {string.Join(", ", Roles.All.Order())})");
            });
            ForEach(trigger.Guards, $"$.triggers[{i}].guards", (text, path) =>
            {
                var reference = GuardReference.Parse(text);
                var guard = registry.Guard(reference.Name);
                if (guard is null)
                {
                    Add(path, $"unknown guard '{reference.Name}'");
                    return;
                }
                switch (guard.Argument)
                {
                    case GuardArgument.None when reference.Argument is not null:
                        Add(path, $"guard '{reference.Name}' takes no argument");
                        break;
                    case GuardArgument.DeadlineId when reference.Argument is null:
                        Add(path, $"guard '{reference.Name}' needs a deadline id, e.g. {reference.Name}(applicationsClose)");
                        break;
                    case GuardArgument.DeadlineId when !deadlineIds.Contains(reference.Argument!):
                        Add(path, $"guard '{reference.Name}' names unknown deadline '{reference.Argument}'");
                        break;
                }
            });
        }

        CheckGraph(d, phaseIds, endPhases, Add);
        CheckDeadlines(deadlines, phaseIds, deadlineIds, Add);
        CheckOrderCycles(deadlines, deadlineIds, Add);
        CheckDeadlineJobs(d, deadlines, phaseIds, endPhases, Add);
        return problems;
    }

    private static void CheckGraph(DefinitionDocument d, HashSet<string> phaseIds, HashSet<string> endPhases, Action<string, string> add)
    {
        var edges = phaseIds.ToDictionary(p => p, _ => new HashSet<string>());
        foreach (var t in d.Triggers.Where(t => phaseIds.Contains(t.To)))
        {
            var sources = t.From.Contains(TriggerDefinition.AnyOpenPhase) ? phaseIds.Where(p => !endPhases.Contains(p)) : t.From.Where(phaseIds.Contains);
            foreach (var from in sources)
            {
                edges[from].Add(t.To);
            }
        }
        var reachable = phaseIds.Contains(d.InitialPhase) ? Closure([d.InitialPhase], p => edges[p]) : [];
        var reverse = phaseIds.ToDictionary(p => p, p => edges.Where(e => e.Value.Contains(p)).Select(e => e.Key).ToHashSet());
        var canFinish = Closure(endPhases, p => reverse[p]);
        for (var i = 0; i < d.Phases.Count; i++)
        {
            var id = d.Phases[i].Id;
            if (phaseIds.Contains(d.InitialPhase) && !reachable.Contains(id))
            {
                add($"$.phases[{i}]", $"phase '{id}' cannot be reached from the initial phase '{d.InitialPhase}'");
            }
            if (endPhases.Count > 0 && !canFinish.Contains(id))
            {
                add($"$.phases[{i}]", $"phase '{id}' has no path to an end state: a tender entering it could never finish");
            }
        }
    }

    private static void CheckDeadlineJobs(DefinitionDocument d, List<DeadlineDocument> deadlines, HashSet<string> phaseIds, HashSet<string> endPhases, Action<string, string> add)
    {
        for (var i = 0; i < deadlines.Count; i++)
        {
            var x = deadlines[i];
            var path = $"$.deadlines[{i}]";
            ForEach(x.ActiveIn, $"{path}.activeIn", (phase, p) =>
            {
                if (!phaseIds.Contains(phase)) add(p, $"unknown phase '{phase}'");
                else if (endPhases.Contains(phase)) add(p, $"'{phase}' is an end state: nothing is left to watch there");
            });
            ForEach(x.Notify, $"{path}.notify", (audience, p) =>
            {
                if (!DeadlineAudiences.All.Contains(audience)) add(p, $"unknown audience '{audience}' (known: {string.Join(", ", DeadlineAudiences.All.Order())})");
            });
            if (x.EscalateAfter is not null && (!CalendarOffset.TryParse(x.EscalateAfter, out var escalation) || escalation.Negative))
            {
                add($"{path}.escalateAfter", $"'{x.EscalateAfter}' is not a duration after the deadline, such as PT0M, P1D or PT12H");
            }
            if (x.Fires is null)
            {
                continue;
            }
            var trigger = d.Triggers.FirstOrDefault(t => t.Id == x.Fires);
            if (trigger is null)
            {
                add($"{path}.fires", $"unknown trigger '{x.Fires}'");
            }
            else if (!trigger.Roles.Contains(Roles.System))
            {
                add($"{path}.fires", $"trigger '{x.Fires}' does not list role System, so the scheduler may not fire it");
            }
            else if (trigger.ReasonRequired)
            {
                add($"{path}.fires", $"trigger '{x.Fires}' requires a reason, which the scheduler cannot give");
            }
        }
    }

    private static void CheckDeadlines(List<DeadlineDocument> deadlines, HashSet<string> phaseIds, HashSet<string> deadlineIds, Action<string, string> add)
    {
        for (var i = 0; i < deadlines.Count; i++)
        {
            var x = deadlines[i];
            var path = $"$.deadlines[{i}]";
            switch (x.Kind)
            {
                case "absolute":
                    if (!DefinitionMapper.TryParseAbsolute(x.At, out _))
                    {
                        add($"{path}.at", $"'{x.At}' is not an ISO 8601 date-time with an offset, e.g. 2027-03-01T12:00:00+01:00");
                    }
                    break;
                case "relative":
                    if (x.RelativeTo?.Deadline is { } other && !deadlineIds.Contains(other))
                    {
                        add($"{path}.relativeTo.deadline", $"unknown deadline '{other}'");
                    }
                    if (x.RelativeTo?.PhaseEntered is { } phase && !phaseIds.Contains(phase))
                    {
                        add($"{path}.relativeTo.phaseEntered", $"unknown phase '{phase}'");
                    }
                    if (!CalendarOffset.TryParse(x.Offset, out _))
                    {
                        add($"{path}.offset", $"'{x.Offset}' is not a duration such as P20D, -P7D or PT12H (weeks, days, hours, minutes)");
                    }
                    break;
                default:
                    break;
            }
            if (x.Kind != "absolute" && x.At is not null)
            {
                add($"{path}.at", "only absolute deadlines have a fixed date");
            }
            if (x.Kind != "relative" && (x.RelativeTo is not null || x.Offset is not null))
            {
                add($"{path}.relativeTo", "only relative deadlines have relativeTo and offset");
            }
            ForEach(x.After, $"{path}.after", (other, p) =>
            {
                if (!deadlineIds.Contains(other))
                {
                    add(p, $"unknown deadline '{other}'");
                }
                else if (NeverAfter(x, deadlines.First(d => d.Id == other)) is { } why)
                {
                    add(p, why);
                }
            });
            ForEach(x.Reminders, $"{path}.reminders", (r, p) =>
            {
                if (!CalendarOffset.TryParse(r, out var offset) || offset.Negative || offset.ToString() is "P0D")
                {
                    add(p, $"'{r}' is not a positive duration before the deadline, such as P7D or PT12H");
                }
            });
        }

        var dependsOn = deadlines.Where(x => x.RelativeTo?.Deadline is not null && deadlineIds.Contains(x.RelativeTo.Deadline))
            .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().RelativeTo!.Deadline!);
        var reported = new HashSet<string>();
        for (var i = 0; i < deadlines.Count; i++)
        {
            var chain = new List<string> { deadlines[i].Id };
            var current = deadlines[i].Id;
            while (dependsOn.TryGetValue(current, out var next))
            {
                if (next == deadlines[i].Id)
                {
                    if (chain.All(reported.Add))
                    {
                        add($"$.deadlines[{i}].relativeTo.deadline", $"deadlines form a cycle: {string.Join(" → ", chain.Append(next))}");
                    }
                    break;
                }
                if (chain.Contains(next))
                {
                    break;
                }
                chain.Add(next);
                current = next;
            }
        }
    }

    /// <summary>Why <paramref name="later"/> can never come after <paramref name="earlier"/> when one is counted from the other, or null.</summary>
    private static string? NeverAfter(DeadlineDocument later, DeadlineDocument earlier)
    {
        if (later.RelativeTo?.Deadline == earlier.Id && CalendarOffset.TryParse(later.Offset, out var back) && (back.Negative || back.ToString() == "P0D"))
        {
            return $"'{later.Id}' is counted from '{earlier.Id}' with offset {later.Offset}, so it can never come after it";
        }
        if (earlier.RelativeTo?.Deadline == later.Id && CalendarOffset.TryParse(earlier.Offset, out var ahead) && !ahead.Negative)
        {
            return $"'{earlier.Id}' is counted from '{later.Id}' with offset {earlier.Offset}, so '{later.Id}' can never come after it";
        }
        return null;
    }

    /// <summary>A deadline that must come after itself, directly or through others, can never be planned.</summary>
    private static void CheckOrderCycles(List<DeadlineDocument> deadlines, HashSet<string> deadlineIds, Action<string, string> add)
    {
        var after = deadlines.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => (g.First().After ?? []).Where(deadlineIds.Contains).ToList());
        var reported = new HashSet<string>();
        for (var i = 0; i < deadlines.Count; i++)
        {
            var start = deadlines[i].Id;
            var earlier = deadlines[i].After ?? [];
            for (var j = 0; j < earlier.Count; j++)
            {
                if (Path(earlier[j], start, after, []) is not { } chain)
                {
                    continue;
                }
                var members = chain.Prepend(start).ToList();
                if (!members.Any(reported.Contains))
                {
                    reported.UnionWith(members);
                    add($"$.deadlines[{i}].after[{j}]", $"the order of deadlines forms a cycle: {string.Join(" → ", members)}");
                }
            }
        }
    }

    /// <summary>The deadlines from <paramref name="from"/> to <paramref name="to"/> along "after" links, or null when there is no such path.</summary>
    private static List<string>? Path(string from, string to, Dictionary<string, List<string>> after, HashSet<string> seen)
    {
        if (from == to)
        {
            return [to];
        }
        if (!seen.Add(from) || !after.TryGetValue(from, out var next))
        {
            return null;
        }
        foreach (var n in next)
        {
            if (Path(n, to, after, seen) is { } rest)
            {
                return rest.Prepend(from).ToList();
            }
        }
        return null;
    }

    private static HashSet<string> Duplicates(IEnumerable<string> ids, string pathFormat, string what, Action<string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                add(string.Format(CultureInfo.InvariantCulture, pathFormat, index), $"duplicate {what} id '{id}'");
            }
            index++;
        }
        return seen;
    }

    private static void ForEach(List<string>? items, string path, Action<string, string> check)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            check(items![i], $"{path}[{i}]");
        }
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(start);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var item))
        {
            foreach (var n in next(item).Where(seen.Add))
            {
                queue.Enqueue(n);
            }
        }
        return seen;
    }
}
