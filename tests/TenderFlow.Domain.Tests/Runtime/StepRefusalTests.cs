using System.Text.Json;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

public class StepRefusalTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public async Task An_unknown_trigger_is_refused_as_not_found()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "consultation", Now);

        var result = await _engine.FireAsync(tender, definition, "fastForward", TestActors.Procurement, null, Now, FakeTenderFacts.AllMet(), default);

        Assert.Equal("UnknownTriggerRule", result.Violation?.Rule);
        Assert.Equal(RuleKind.NotFound, result.Violation!.Kind);
        Assert.Contains("fastForward", result.Violation.Message.En, StringComparison.Ordinal);
        Assert.Equal("consultation", tender.Phase);
    }

    [Fact]
    public async Task Firing_from_the_wrong_phase_is_refused()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "consultation", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));

        var result = await _engine.FireAsync(tender, definition, "closeSubmission", TestActors.Procurement, null, Now, FakeTenderFacts.AllMet(), default);

        Assert.Equal("TriggerNotAvailableInPhaseRule", result.Violation?.Rule);
        Assert.Contains("Market consultation", result.Violation!.Message.En, StringComparison.Ordinal);
        Assert.Equal("consultation", tender.Phase);
    }

    [Fact]
    public async Task Nothing_leaves_an_end_state_not_even_cancel()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "cancelled", Now);

        var result = await _engine.FireAsync(tender, definition, "cancel", TestActors.Procurement, "Nogmaals.", Now, FakeTenderFacts.AllMet(), default);

        Assert.Equal("TriggerNotAvailableInPhaseRule", result.Violation?.Rule);
        Assert.Equal("cancelled", tender.Phase);
    }

    [Fact]
    public async Task Only_the_unmet_guards_are_listed_when_some_hold()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "selectionStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));
        var facts = FakeTenderFacts.AllMet();
        facts.OpenObjectionCount = 2;

        var result = await _engine.FireAsync(tender, definition, "startDialogue", Actor.Scheduler, null, Now, facts, default);

        Assert.Equal("GuardsUnmetRule", result.Violation?.Rule);
        var unmet = Assert.Single(result.Violation!.UnmetGuards);
        Assert.Equal("objections.noneOpen", unmet.Guard);
        Assert.Equal("2 objection(s) are still open.", unmet.Explanation.En);
    }

    [Fact]
    public async Task A_deadline_passes_at_the_moment_it_is_due_not_a_tick_earlier()
    {
        var definition = RealDefinitions.SasDialogue;
        var due = new DateTime(2027, 6, 1, 22, 0, 0, DateTimeKind.Utc);
        var tender = TestTenders.InPhase(definition, "submission", Now);
        tender.Deadline("submissionClose")!.DueAtUtc = due;

        var early = await _engine.FireAsync(tender, definition, "closeSubmission", Actor.Scheduler, null, due.AddTicks(-1), FakeTenderFacts.AllMet(), default);
        Assert.Equal("GuardsUnmetRule", early.Violation?.Rule);
        Assert.Contains("2027-06-02 00:00", early.Violation!.UnmetGuards[0].Explanation.En, StringComparison.Ordinal);

        var onTime = await _engine.FireAsync(tender, definition, "closeSubmission", Actor.Scheduler, null, due, FakeTenderFacts.AllMet(), default);
        Assert.Null(onTime.Violation);
        Assert.Equal("assessment", tender.Phase);
        Assert.Equal("System", onTime.Outcome!.ActingRole);
    }

    [Fact]
    public async Task A_reason_longer_than_the_maximum_is_refused_and_one_at_the_maximum_is_accepted()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "dialogue", Now);

        var tooLong = await _engine.FireAsync(tender, definition, "cancel", TestActors.Procurement,
            new string('x', StepRules.MaxReasonLength + 1), Now, FakeTenderFacts.AllMet(), default);
        Assert.Equal("ReasonTooLongRule", tooLong.Violation?.Rule);
        Assert.Equal("dialogue", tender.Phase);

        var atMaximum = await _engine.FireAsync(tender, definition, "cancel", TestActors.Procurement,
            "  " + new string('x', StepRules.MaxReasonLength) + "  ", Now, FakeTenderFacts.AllMet(), default);
        Assert.Null(atMaximum.Violation);
        Assert.Equal("cancelled", tender.Phase);
    }

    [Fact]
    public async Task The_fired_record_holds_trigger_phases_trimmed_reason_and_guard_outcomes()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "awardStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));

        var result = await _engine.FireAsync(tender, definition, "finalAward", TestActors.Procurement, "  Geen bezwaren.  ", Now, FakeTenderFacts.AllMet(), default);

        var record = result.Outcome!.Records[0];
        var payload = JsonNode.Parse(JsonSerializer.Serialize(record.Payload))!;
        Assert.Equal("finalAward", (string?)payload["trigger"]);
        Assert.Equal("awardStandstill", (string?)payload["from"]);
        Assert.Equal("implementation", (string?)payload["to"]);
        Assert.Equal("Geen bezwaren.", (string?)payload["reason"]);
        var guards = payload["guards"]!.AsArray();
        Assert.Equal(["deadline.passed(awardStandstillEnd)", "objections.noneOpen"], guards.Select(g => (string?)g!["guard"]));
        Assert.All(guards, g => Assert.True((bool)g!["met"]!));
    }
}
