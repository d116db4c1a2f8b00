using System.Text.Json.Nodes;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>Triggers that lead back into the phase they leave, and the entry work of the initial phase.</summary>
public class ReentryAndInitialPhaseTests
{
    private static readonly DateTime Start = new(2027, 5, 3, 8, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);

    private static WorkflowDefinition Load(Action<JsonObject> mutate)
    {
        var d = MinimalDefinition.Parse();
        mutate(d);
        var (definition, problems) = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadText("mini.json", d.ToJsonString());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return definition!;
    }

    [Fact]
    public async Task A_trigger_back_into_its_own_phase_re_enters_it_and_restarts_its_deadlines()
    {
        var definition = Load(d => d.AddTrigger("extend", ["open"], "open"));
        var tender = TestTenders.Create(definition, Start);
        var facts = FakeTenderFacts.AllMet();
        await _engine.FireAsync(tender, definition, "start", TestActors.Procurement, null, Start, facts, default);
        var firstClose = tender.Deadline("close")!.DueAtUtc;
        var later = Start.AddDays(3);

        var result = await _engine.FireAsync(tender, definition, "extend", TestActors.Procurement, null, later, facts, default);

        Assert.Null(result.Violation);
        Assert.Equal("open", tender.Phase);
        Assert.Equal(later, tender.PhaseEnteredAtUtc);
        Assert.Equal(firstClose!.Value.AddDays(3), tender.Deadline("close")!.DueAtUtc);
        Assert.Equal(2, tender.Revision);
        Assert.Equal(2, tender.Themes.Count);
        Assert.Equal(["tender.trigger.fired", "tender.deadlines.computed"], result.Outcome!.Records.Select(r => r.Action));
    }

    [Fact]
    public async Task A_star_trigger_into_an_open_phase_re_enters_it_from_itself_and_enters_it_from_elsewhere()
    {
        var definition = Load(d => d.AddTrigger("restart", ["*"], "open"));
        var facts = FakeTenderFacts.AllMet();
        Assert.Equal(["draft", "open"], definition.SourcePhases(definition.Trigger("restart")!));

        foreach (var from in new[] { "draft", "open" })
        {
            var tender = TestTenders.InPhase(definition, from, Start);

            var result = await _engine.FireAsync(tender, definition, "restart", TestActors.Procurement, null, Start, facts, default);

            Assert.Null(result.Violation);
            Assert.Equal("open", tender.Phase);
            Assert.NotNull(tender.Deadline("close")!.DueAtUtc);
        }
    }

    [Fact]
    public async Task Entering_the_initial_phase_runs_its_entry_work()
    {
        var definition = Load(d =>
        {
            d.Phases(0)["onEntry"] = MinimalDefinition.Strings("dialogue.openThemes");
            d.Deadlines(1)["relativeTo"] = new JsonObject { ["phaseEntered"] = "draft" };
        });
        var tender = TestTenders.Create(definition, Start);
        Assert.Null(tender.Deadline("close")!.DueAtUtc);

        var records = await _engine.EnterInitialPhaseAsync(tender, definition, TestActors.Procurement, Start, default);

        Assert.Equal(["tender.deadlines.computed", "dialogue.themes.opened"], records.Select(r => r.Action));
        Assert.Equal(new DateTime(2027, 5, 24, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("close")!.DueAtUtc!.Value));
        Assert.Equal(new DateTime(2027, 5, 17, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("after")!.DueAtUtc!.Value));
        Assert.Equal(["one", "two"], tender.Themes.Select(t => t.Key));
        Assert.Equal("draft", tender.Phase);
        Assert.Equal(0, tender.Revision);
    }
}
