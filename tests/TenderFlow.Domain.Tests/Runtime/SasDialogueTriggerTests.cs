using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>Each trigger of sas-dialogue, from each phase it may be fired from: roles, guards, reasons.</summary>
public class SasDialogueTriggerTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);
    private static WorkflowDefinition Definition => RealDefinitions.SasDialogue;

    private static TriggerDefinition Trigger(string id) => Definition.Trigger(id) ?? throw new KeyNotFoundException(id);

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.TriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task A_role_the_trigger_does_not_name_is_refused(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        var refusedRoles = Roles.All.Except(trigger.Roles).ToList();
        Assert.NotEmpty(refusedRoles);

        foreach (var role in refusedRoles)
        {
            var tender = TestTenders.InPhase(Definition, fromPhase, Now);
            var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

            var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(role), "Een reden.", Now, facts, default);

            Assert.Null(result.Outcome);
            Assert.Equal("RoleMayNotFireTriggerRule", result.Violation?.Rule);
            Assert.Equal(RuleKind.Forbidden, result.Violation!.Kind);
            Assert.Equal(fromPhase, tender.Phase);
            Assert.Equal(0, tender.Revision);
        }
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.GuardedTriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task With_its_guards_unmet_the_trigger_is_refused_naming_each_unmet_guard(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        var tender = TestTenders.InPhase(Definition, fromPhase, Now);
        var facts = GuardSetup.MeetNone(tender, trigger, Now);
        var actor = TestActors.WithRole(trigger.Roles[0]);

        var result = await _engine.FireAsync(tender, Definition, triggerId, actor, "Een reden.", Now, facts, default);

        Assert.Null(result.Outcome);
        Assert.Equal("GuardsUnmetRule", result.Violation?.Rule);
        Assert.Equal(RuleKind.Conflict, result.Violation!.Kind);
        Assert.Equal(
            trigger.Guards.Select(g => g.ToString()).Order(),
            result.Violation.UnmetGuards.Select(u => u.Guard).Order());
        Assert.All(result.Violation.UnmetGuards, u =>
        {
            Assert.False(string.IsNullOrWhiteSpace(u.Explanation.Nl));
            Assert.False(string.IsNullOrWhiteSpace(u.Explanation.En));
            Assert.NotEqual(u.Guard, u.Explanation.En);
            Assert.Contains(u.Explanation.En, result.Violation.Message.En, StringComparison.Ordinal);
        });
        Assert.Equal(fromPhase, tender.Phase);
        Assert.Equal(0, tender.Revision);
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.GuardedTriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task A_deadline_guard_on_an_unplanned_deadline_is_unmet(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        var tender = TestTenders.InPhase(Definition, fromPhase, Now);
        var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);
        foreach (var deadline in tender.Deadlines)
        {
            deadline.DueAtUtc = null;
        }

        var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(trigger.Roles[0]), "Een reden.", Now, facts, default);

        var deadlineGuards = trigger.Guards.Where(g => g.Name is "deadline.passed" or "deadline.ahead").Select(g => g.ToString()).ToList();
        if (deadlineGuards.Count == 0)
        {
            Assert.NotNull(result.Outcome);
            return;
        }
        Assert.Equal("GuardsUnmetRule", result.Violation?.Rule);
        Assert.Equal(deadlineGuards, result.Violation!.UnmetGuards.Select(u => u.Guard));
        Assert.All(result.Violation.UnmetGuards, u => Assert.Contains("has not been planned yet", u.Explanation.En, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.TriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task With_its_guards_met_every_allowed_role_fires_it_to_the_target_phase(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        foreach (var role in trigger.Roles)
        {
            var tender = TestTenders.InPhase(Definition, fromPhase, Now);
            tender.Revision = 7;
            var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

            var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(role), "Een reden.", Now, facts, default);

            Assert.Null(result.Violation);
            var outcome = Assert.IsType<StepOutcome>(result.Outcome);
            Assert.Equal(trigger.To, tender.Phase);
            Assert.Equal(8, tender.Revision);
            Assert.Equal((triggerId, fromPhase, trigger.To, role), (outcome.Trigger, outcome.FromPhase, outcome.ToPhase, outcome.ActingRole));
            Assert.Equal("tender.trigger.fired", outcome.Records[0].Action);
            Assert.Equal($"tender/{tender.Id}", outcome.Records[0].Subject);
            Assert.Equal(Now, tender.PhaseEnteredAtUtc);
        }
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.UnguardedTriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task A_trigger_without_guards_fires_whatever_the_facts(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        var tender = TestTenders.InPhase(Definition, fromPhase, Now);
        var facts = GuardSetup.MeetNone(tender, trigger, Now);

        var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(trigger.Roles[0]), "Een reden.", Now, facts, default);

        Assert.Null(result.Violation);
        Assert.Equal(trigger.To, tender.Phase);
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.ReasonRequiredTriggerAndSourcePhase), MemberType = typeof(SasDialogueTriggerData))]
    public async Task A_trigger_that_needs_a_reason_refuses_a_missing_or_blank_one(string triggerId, string fromPhase)
    {
        var trigger = Trigger(triggerId);
        foreach (var reason in new[] { null, "", "   ", "\t\n", "\u200b", "\t\n\u00a0\u200b", "\u0000", "\ufeff\u2060", "-- ." })
        {
            var tender = TestTenders.InPhase(Definition, fromPhase, Now);
            var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

            var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(trigger.Roles[0]), reason, Now, facts, default);

            Assert.Equal("ReasonRequiredRule", result.Violation?.Rule);
            Assert.Equal(RuleKind.Invalid, result.Violation!.Kind);
            Assert.Equal("reason", result.Violation.Field);
            Assert.Equal(fromPhase, tender.Phase);
            Assert.Equal(0, tender.Revision);
        }
    }

    [Theory]
    [InlineData("Geen budget\u0000meer")]
    [InlineData("Geen budget \u202Eraeh\u202C")]
    [InlineData("Geen\u200bbudget")]
    public async Task A_reason_with_invisible_or_control_characters_is_refused(string reason)
    {
        var trigger = Trigger("cancel");
        var tender = TestTenders.InPhase(Definition, Definition.InitialPhase, Now);
        var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

        var result = await _engine.FireAsync(tender, Definition, "cancel", TestActors.WithRole(trigger.Roles[0]), reason, Now, facts, default);

        Assert.Equal(("UnreadableTextRule", "reason"), (result.Violation?.Rule, result.Violation?.Field));
        Assert.Equal(Definition.InitialPhase, tender.Phase);
    }

    [Fact]
    public async Task A_reason_over_several_lines_with_a_soft_hyphen_is_taken()
    {
        var trigger = Trigger("cancel");
        var tender = TestTenders.InPhase(Definition, Definition.InitialPhase, Now);
        var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

        var result = await _engine.FireAsync(tender, Definition, "cancel", TestActors.WithRole(trigger.Roles[0]),
            "Het budget is ingetrokken.\r\n\tZie raads\u00ADbesluit 2027-14.", Now, facts, default);

        Assert.Null(result.Violation);
    }

    [Theory]
    [MemberData(nameof(SasDialogueTriggerData.TriggerIds), MemberType = typeof(SasDialogueTriggerData))]
    public async Task A_trigger_fired_from_a_phase_it_does_not_leave_is_refused(string triggerId)
    {
        var trigger = Trigger(triggerId);
        var otherPhases = Definition.Phases.Select(p => p.Id).Except(Definition.SourcePhases(trigger)).ToList();
        Assert.NotEmpty(otherPhases);

        foreach (var phase in otherPhases)
        {
            var tender = TestTenders.InPhase(Definition, phase, Now);
            var facts = GuardSetup.MeetAll(tender, Definition, trigger, Now);

            var result = await _engine.FireAsync(tender, Definition, triggerId, TestActors.WithRole(trigger.Roles[0]), "Een reden.", Now, facts, default);

            Assert.Equal("TriggerNotAvailableInPhaseRule", result.Violation?.Rule);
            Assert.Equal(RuleKind.Conflict, result.Violation!.Kind);
            Assert.Equal(phase, tender.Phase);
        }
    }
}
