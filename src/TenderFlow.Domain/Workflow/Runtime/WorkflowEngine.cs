using Stateless;
using Stateless.Graph;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Actions;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Guards;

namespace TenderFlow.Domain.Workflow.Runtime;

/// <summary>
/// Runs a tender on its pinned definition with a Stateless machine built per call (Stateless is not thread-safe,
/// and the phase lives on the tender row). Guards are evaluated first (they may need the database), then handed to
/// Stateless as plain booleans so <c>CanFire(..., out unmetGuards)</c> can say which ones block.
/// The caller owns the transaction: it persists the tender and the returned audit records together, or neither.
/// </summary>
public sealed class WorkflowEngine(BehaviourRegistry registry)
{
    public async Task<IReadOnlyList<TriggerAvailability>> AvailabilityAsync(
        Tender tender, WorkflowDefinition definition, Actor actor, DateTime nowUtc, ITenderFacts facts, CancellationToken cancellationToken)
    {
        var result = new List<TriggerAvailability>();
        foreach (var trigger in definition.TriggersFrom(tender.Phase))
        {
            var outcomes = await EvaluateGuardsAsync(tender, definition, trigger, nowUtc, facts, cancellationToken);
            var machine = Build(tender, definition, outcomes, actionContext: null);
            machine.CanFire(trigger.Id, out var unmet);
            result.Add(new TriggerAvailability(trigger, actor.FirstRoleIn(trigger.Roles) is not null, Explain(unmet, outcomes)));
        }
        return result;
    }

    /// <summary>The trigger does not exist, or none of the actor's roles may fire it: true in every phase and at every revision.</summary>
    public static RuleViolation? RoleRefusal(WorkflowDefinition definition, string triggerId, Actor actor) =>
        definition.Trigger(triggerId) is not { } trigger ? StepRules.UnknownTrigger(triggerId, definition)
        : actor.FirstRoleIn(trigger.Roles) is null ? StepRules.RoleMayNotFire(trigger)
        : null;

    public async Task<StepResult> FireAsync(
        Tender tender, WorkflowDefinition definition, string triggerId, Actor actor, string? reason,
        DateTime nowUtc, ITenderFacts facts, CancellationToken cancellationToken)
    {
        // Who may fire it comes first, as it does when the revision is stale (TenderSteps): the answer to someone who may
        // never fire a trigger does not depend on the phase.
        if (RoleRefusal(definition, triggerId, actor) is { } forbidden)
        {
            return StepResult.Refused(forbidden);
        }
        var trigger = definition.Trigger(triggerId)!;
        if (!definition.SourcePhases(trigger).Contains(tender.Phase))
        {
            return StepResult.Refused(StepRules.NotFromThisPhase(trigger, definition.Phase(tender.Phase)));
        }
        var role = actor.FirstRoleIn(trigger.Roles)!;
        (reason, var unreadable) = Input.EnteredText.Read(reason, "reason", multiline: true, "De reden", "The reason");
        if (unreadable is not null)
        {
            return StepResult.Refused(unreadable);
        }
        if (trigger.ReasonRequired && reason is null)
        {
            return StepResult.Refused(StepRules.ReasonRequired(trigger));
        }
        if (reason?.Length > StepRules.MaxReasonLength)
        {
            return StepResult.Refused(StepRules.ReasonTooLong());
        }

        var outcomes = await EvaluateGuardsAsync(tender, definition, trigger, nowUtc, facts, cancellationToken);
        var context = new ActionContext(tender, definition, actor, nowUtc);
        var machine = Build(tender, definition, outcomes, context, cancellationToken);
        if (!machine.CanFire(trigger.Id, out var unmet))
        {
            return StepResult.Refused(StepRules.GuardsUnmet(trigger, Explain(unmet, outcomes)));
        }

        var from = tender.Phase;
        var records = new List<AuditRecord>
        {
            new("tender.trigger.fired", $"tender/{tender.Id}", new
            {
                trigger = trigger.Id,
                from,
                to = trigger.To,
                reason,
                guards = outcomes.Select(o => new { guard = o.Key, met = o.Value.Met, o.Value.Explanation.En }),
            }),
        };
        await machine.FireAsync(trigger.Id);
        records.AddRange(context.Records);
        tender.Revision++;
        return StepResult.Done(new StepOutcome(trigger.Id, from, tender.Phase, role, records, nowUtc));
    }

    /// <summary>Runs the initial phase's entry work for a new tender (Stateless does not enter the initial state).</summary>
    public async Task<IReadOnlyList<AuditRecord>> EnterInitialPhaseAsync(Tender tender, WorkflowDefinition definition, Actor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var context = new ActionContext(tender, definition, actor, nowUtc);
        await EnterAsync(context, definition.Phase(tender.Phase), cancellationToken);
        return context.Records;
    }

    /// <summary>The procedure as a Mermaid state diagram (Stateless' own export), optionally with the current phase highlighted.</summary>
    public string ToMermaid(WorkflowDefinition definition, string? currentPhase = null)
    {
        var placeholder = new Tender
        {
            Reference = "", Title = "", DefinitionId = definition.Id, DefinitionVersion = definition.Version,
            DefinitionHash = definition.ContentHash, Phase = definition.InitialPhase,
        };
        var allMet = definition.Triggers.SelectMany(t => t.Guards).Distinct()
            .ToDictionary(g => g.ToString(), _ => GuardOutcome.Yes("", ""));
        var graph = MermaidGraph.Format(Build(placeholder, definition, allMet, actionContext: null).GetInfo()).TrimEnd();
        if (currentPhase is null)
        {
            return graph + Environment.NewLine;
        }
        return graph + Environment.NewLine
            + "\tclassDef current fill:#ffd54f,stroke:#5d4037,stroke-width:3px" + Environment.NewLine
            + $"\tclass {currentPhase} current" + Environment.NewLine;
    }

    private async Task<Dictionary<string, GuardOutcome>> EvaluateGuardsAsync(
        Tender tender, WorkflowDefinition definition, TriggerDefinition trigger, DateTime nowUtc, ITenderFacts facts, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, GuardOutcome>(StringComparer.Ordinal);
        foreach (var reference in trigger.Guards)
        {
            var guard = registry.Guard(reference.Name) ?? throw new InvalidOperationException($"Guard '{reference.Name}' is not registered.");
            outcomes[reference.ToString()] = await guard.EvaluateAsync(
                new GuardContext(tender, definition, reference.Argument, nowUtc, facts), cancellationToken);
        }
        return outcomes;
    }

    private StateMachine<string, string> Build(
        Tender tender, WorkflowDefinition definition, IReadOnlyDictionary<string, GuardOutcome> guardOutcomes,
        ActionContext? actionContext, CancellationToken cancellationToken = default)
    {
        var machine = new StateMachine<string, string>(() => tender.Phase, phase => tender.Phase = phase);
        foreach (var phase in definition.Phases)
        {
            var configuration = machine.Configure(phase.Id);
            if (actionContext is not null)
            {
                configuration.OnEntryAsync(() => EnterAsync(actionContext, phase, cancellationToken), "enter " + phase.Id);
            }
        }
        foreach (var trigger in definition.Triggers)
        {
            var guards = trigger.Guards
                .Select(g => new Tuple<Func<bool>, string>(() => guardOutcomes.TryGetValue(g.ToString(), out var o) && o.Met, g.ToString()))
                .ToArray();
            foreach (var from in definition.SourcePhases(trigger))
            {
                var configuration = machine.Configure(from);
                if (from == trigger.To)
                {
                    configuration.PermitReentryIf(trigger.Id, guards);
                }
                else
                {
                    configuration.PermitIf(trigger.Id, trigger.To, guards);
                }
            }
        }
        return machine;
    }

    private async Task EnterAsync(ActionContext context, PhaseDefinition phase, CancellationToken cancellationToken)
    {
        context.Tender.PhaseEnteredAtUtc = context.NowUtc;
        var changes = DeadlinePlanner.PhaseEntered(context.Tender, context.Definition, phase.Id, context.NowUtc);
        if (changes.Count > 0)
        {
            context.Record("tender.deadlines.computed", $"tender/{context.Tender.Id}",
                new { phase = phase.Id, deadlines = changes.Select(c => new { key = c.Key, fromUtc = c.FromUtc, toUtc = c.ToUtc }) });
        }
        foreach (var name in phase.OnEntry)
        {
            var action = registry.Action(name) ?? throw new InvalidOperationException($"Entry action '{name}' is not registered.");
            await action.ExecuteAsync(context, cancellationToken);
        }
    }

    private static List<UnmetGuard> Explain(ICollection<string> unmetDescriptions, IReadOnlyDictionary<string, GuardOutcome> outcomes) =>
        unmetDescriptions
            .Select(d => new UnmetGuard(d, outcomes.TryGetValue(d, out var o) ? o.Explanation : new LocalizedText(d, d)))
            .ToList();
}
