using System.Net;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Workflows;

public sealed class VersionPinningTests
{
    private static void Edit(string file, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        change(json);
        File.WriteAllText(file, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonObject Trigger(JsonObject definition, string id) =>
        definition["triggers"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!.AsObject();

    [Fact]
    public async Task A_running_tender_keeps_the_definition_it_started_on_after_the_file_changes()
    {
        using var data = new TempDirectory();
        using var workflows = new TempDirectory(copyFrom: RepositoryPaths.Workflows);
        string oldTender, oldHash;
        using (var before = new TenderFlowFactory(data.Path, workflows.Path))
        {
            var created = await before.Procurement().CreateTenderAsync();
            oldTender = created.Id();
            oldHash = created["definition"]!["hash"]!.GetValue<string>();
        }

        // The next version: cancelling no longer needs a reason (a change nobody should apply to a running tender).
        var oldVersion = 0;
        Edit(workflows.FilePath("sas-dialogue.json"), d =>
        {
            oldVersion = d["version"]!.GetValue<int>();
            d["version"] = oldVersion + 1;
            Trigger(d, "cancel")["reasonRequired"] = false;
        });

        using var after = new TenderFlowFactory(data.Path, workflows.Path);
        var procurement = after.Procurement();
        var old = await procurement.GetJsonAsync($"/api/tenders/{oldTender}");
        Assert.Equal(oldVersion, old["definition"]!["version"]!.GetValue<int>());
        Assert.Equal(oldHash, old["definition"]!["hash"]!.GetValue<string>());
        Assert.Equal("ReasonRequiredRule", (await (await procurement.FireAsync(oldTender, "cancel")).ProblemAsync(400))["rule"]!.GetValue<string>());
        // The version the tender runs on can still be read, though its file now says something else.
        var pinned = await procurement.GetJsonAsync($"/api/workflows/sas-dialogue?version={oldVersion}");
        Assert.Equal((oldHash, "snapshot"), (pinned["hash"]!.GetValue<string>(), pinned["source"]!.GetValue<string>()));
        Assert.True(Trigger(pinned["definition"]!.AsObject(), "cancel")["reasonRequired"]!.GetValue<bool>());
        var current = await procurement.GetJsonAsync("/api/workflows/sas-dialogue");
        Assert.Equal((oldVersion + 1, "file"), (current["version"]!.GetValue<int>(), current["source"]!.GetValue<string>()));

        var fresh = await procurement.CreateTenderAsync();
        Assert.Equal(oldVersion + 1, fresh["definition"]!["version"]!.GetValue<int>());
        Assert.NotEqual(oldHash, fresh["definition"]!["hash"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(fresh.Id(), "cancel")).StatusCode);
    }

    [Fact]
    public async Task Changing_a_file_without_raising_its_version_stops_the_app_once_tenders_run_on_it()
    {
        using var data = new TempDirectory();
        using var workflows = new TempDirectory(copyFrom: RepositoryPaths.Workflows);
        using (var before = new TenderFlowFactory(data.Path, workflows.Path))
        {
            await before.Procurement().CreateTenderAsync();
        }
        Edit(workflows.FilePath("sas-dialogue.json"), d => Trigger(d, "cancel")["reasonRequired"] = false);

        using var after = new TenderFlowFactory(data.Path, workflows.Path);
        var error = Assert.ThrowsAny<Exception>(() => after.CreateClient());
        var invalid = Assert.IsType<InvalidDefinitionException>(error.GetBaseException());
        var problem = Assert.Single(invalid.Problems);
        Assert.Equal("$.version", problem.Path);
        Assert.Contains("raise the version", problem.Reason);
    }

    [Fact]
    public void An_invalid_definition_file_stops_the_app_listing_every_problem()
    {
        using var workflows = new TempDirectory(copyFrom: RepositoryPaths.Workflows);
        Edit(workflows.FilePath("open-house.json"), d =>
        {
            Trigger(d, "openAdmission")["roles"] = new JsonArray("Procurement", "Janitor");
            Trigger(d, "conclude")["guards"] = new JsonArray("deadline.passed(nope)");
        });

        using var app = new TenderFlowFactory(workflowsDirectory: workflows.Path);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var invalid = Assert.IsType<InvalidDefinitionException>(error.GetBaseException());
        Assert.Equal(2, invalid.Problems.Count);
        Assert.All(invalid.Problems, p => Assert.Equal("open-house.json", p.File));
        Assert.Contains(invalid.Problems, p => p.Path == "$.triggers[0].roles[1]" && p.Reason.Contains("unknown role 'Janitor'"));
        Assert.Contains(invalid.Problems, p => p.Path == "$.triggers[4].guards[0]" && p.Reason.Contains("unknown deadline 'nope'"));
    }
}
