using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Actions;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>An entry action that fails must not be swallowed: the host's transaction undoes the step.</summary>
public class ThrowingEntryActionTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private const string DefinitionJson = """
        {
          "id": "explosive",
          "version": 1,
          "title": { "nl": "Explosief", "en": "Explosive" },
          "initialPhase": "start",
          "phases": [
            { "id": "start", "title": { "nl": "Start", "en": "Start" } },
            { "id": "boom", "title": { "nl": "Boem", "en": "Boom" }, "onEntry": ["dialogue.openThemes", "test.explode"] },
            { "id": "end", "title": { "nl": "Einde", "en": "End" }, "end": true, "onEntry": ["tender.recordOutcome"] }
          ],
          "triggers": [
            { "id": "go", "title": { "nl": "Ga", "en": "Go" }, "from": ["start"], "to": "boom", "roles": ["Procurement"] },
            { "id": "finish", "title": { "nl": "Klaar", "en": "Finish" }, "from": ["boom"], "to": "end", "roles": ["Procurement"] }
          ]
        }
        """;

    private sealed class ExplodingAction : IEntryAction
    {
        public string Name => "test.explode";

        public Task ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The test action exploded on purpose.");
    }

    private static readonly BehaviourRegistry Registry =
        new(BehaviourRegistry.BuiltInGuards, [.. BehaviourRegistry.BuiltInActions, new ExplodingAction()]);

    private static WorkflowDefinition Load()
    {
        var (definition, problems) = new DefinitionLoader(Registry).LoadText("explosive.json", DefinitionJson);
        Assert.Empty(problems);
        return definition!;
    }

    [Fact]
    public void The_built_in_registry_refuses_a_definition_naming_the_test_action()
    {
        var (definition, problems) = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadText("explosive.json", DefinitionJson);

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal("$.phases[1].onEntry[1]", problem.Path);
        Assert.Contains("unknown entry action 'test.explode' (known: dialogue.openThemes, tender.recordOutcome)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exception_of_an_entry_action_propagates_out_of_the_engine()
    {
        var definition = Load();
        var tender = TestTenders.Create(definition, Now);
        var engine = new WorkflowEngine(Registry);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            engine.FireAsync(tender, definition, "go", TestActors.Procurement, null, Now, new FakeTenderFacts(), default));

        Assert.Equal("The test action exploded on purpose.", e.Message);
        Assert.Equal(0, tender.Revision);
    }
}
