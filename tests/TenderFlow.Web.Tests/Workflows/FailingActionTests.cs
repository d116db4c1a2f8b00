using System.Net;
using TenderFlow.Domain.Workflow.Actions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Workflows;

public sealed class FailingActionTests
{
    private const string Definition = """
        {
          "id": "fragile", "version": 1,
          "title": { "nl": "Breekbaar", "en": "Fragile" },
          "initialPhase": "start",
          "phases": [
            { "id": "start", "title": { "nl": "Start", "en": "Start" } },
            { "id": "boom", "title": { "nl": "Boem", "en": "Boom" }, "onEntry": ["dialogue.openThemes", "test.explode"] },
            { "id": "done", "title": { "nl": "Klaar", "en": "Done" }, "end": true }
          ],
          "triggers": [
            { "id": "go", "title": { "nl": "Ga", "en": "Go" }, "from": ["start"], "to": "boom", "roles": ["Procurement"] },
            { "id": "finish", "title": { "nl": "Klaar", "en": "Finish" }, "from": ["*"], "to": "done", "roles": ["Procurement"] }
          ],
          "dialogueThemes": [ { "key": "monitoring", "title": { "nl": "Monitoring", "en": "Monitoring" } } ]
        }
        """;

    private sealed class ExplodingAction : IEntryAction
    {
        public string Name => "test.explode";

        public Task ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
        {
            context.Tender.Title = "changed by an action that then failed";
            context.Record("test.halfway", "test", new { });
            throw new InvalidOperationException("the mail server is down");
        }
    }

    [Fact]
    public async Task A_step_whose_entry_action_throws_leaves_no_trace()
    {
        using var workflows = new TempDirectory();
        File.WriteAllText(workflows.FilePath("fragile.json"), Definition);
        var registry = new BehaviourRegistry(BehaviourRegistry.BuiltInGuards, [.. BehaviourRegistry.BuiltInActions, new ExplodingAction()]);
        using var app = new TenderFlowFactory(workflowsDirectory: workflows.Path, registry: registry);
        var procurement = app.Procurement();
        var tender = await procurement.CreateTenderAsync("fragile");
        var auditBefore = await app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");

        var response = await procurement.FireAsync(tender.Id(), "go");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var after = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");
        Assert.Equal("start", after.Phase());
        Assert.Equal(0, after["revision"]!.GetValue<long>());
        Assert.Equal(tender["title"]!.GetValue<string>(), after["title"]!.GetValue<string>());
        Assert.Empty(after["themes"]!.AsArray());
        var auditAfter = await app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        Assert.Equal(auditBefore.Count, auditAfter.Count);
        Assert.Equal("OK", (await app.Legal().GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());

        // The tender is not stuck: the next step works and chains onto the same head.
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(tender.Id(), "finish")).StatusCode);
        Assert.Equal("OK", (await app.Legal().GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
    }
}
