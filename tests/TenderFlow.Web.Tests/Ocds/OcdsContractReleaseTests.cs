using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Award;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>What the OCDS export says about the contract after the final award: releases already published stay as they were, and a withdrawn tender leaves no award standing.</summary>
public sealed class OcdsContractReleaseTests : IDisposable
{
    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    private static object Contract(string startDate) =>
        new { startDate, baseTermYears = 3, extensionOptions = new[] { new { years = 2 } }, maximumTermYears = 10 };

    private async Task<DialogueWorld> FinallyAwardedAsync()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var announced = await world.Procurement().AnnounceAwardAsync(world);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync());
        _app.Clock.SetUtcNow((await world.DeadlineAsync("awardStandstillEnd")) + TimeSpan.FromTicks(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().PostAsync($"/api/tenders/{world.Tender}/announce", null)).StatusCode);
        return world;
    }

    private async Task<List<JsonObject>> ReleasesAsync(DialogueWorld world) =>
        (await _app.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tenders/{world.Tender}/ocds"))!["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();

    [Fact]
    public async Task A_corrected_contract_record_does_not_rewrite_the_release_that_published_the_first_one()
    {
        var world = await FinallyAwardedAsync();
        var contract = $"/api/tenders/{world.Tender}/contract";
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-03-01"))).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-01-01"))).StatusCode);

        var releases = await ReleasesAsync(world);

        var first = releases.Single(r => r["tag"]![0]!.GetValue<string>() == "contract");
        var update = releases.Last(r => r["tag"]![0]!.GetValue<string>() == "contractUpdate");
        Assert.StartsWith("2028-03-01", first["contracts"]![0]!["period"]!["startDate"]!.GetValue<string>());
        Assert.StartsWith("2028-01-01", update["contracts"]![0]!["period"]!["startDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawing_the_tender_after_the_final_award_leaves_no_award_or_contract_standing()
    {
        var world = await FinallyAwardedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync($"/api/tenders/{world.Tender}/contract", Contract("2028-01-01"))).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        var cancelled = await world.Procurement().FireAsync(world.Tender, "cancel", "De uitvoeringspartner is failliet verklaard.");

        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        var latest = (await ReleasesAsync(world)).Last();
        Assert.Equal("cancelled", latest["tender"]!["status"]!.GetValue<string>());
        Assert.All(latest["awards"]!.AsArray(), a => Assert.Equal("cancelled", a!["status"]!.GetValue<string>()));
        Assert.All(latest["contracts"]!.AsArray(), c => Assert.Equal("cancelled", c!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Renaming_the_winner_afterwards_does_not_rewrite_the_release_that_named_it()
    {
        var world = await FinallyAwardedAsync();
        var supplierRelease = (await ReleasesAsync(world)).Last(r => r["awards"] is not null);
        var published = supplierRelease.ToJsonString();
        var winner = world.Participant.Organisations[0];
        _app.Clock.Advance(TimeSpan.FromDays(30));
        var admin = _app.ClientAs("adam.beheer", "Admin");

        var (changed, html) = await Portal.PortalForms.PostAsync(admin, $"/admin/organisations/edit/{winner}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Zorgcoöperatie Nieuwe Naam", ["Input.KvkNumber"] = "87654321", ["Input.Address"] = "Nieuwe Gracht 1",
            ["Input.PostalCode"] = "3512 AB", ["Input.City"] = "Utrecht",
        });
        Assert.True(changed.IsSuccessStatusCode || changed.StatusCode == HttpStatusCode.Redirect, html);
        Assert.Equal("Zorgcoöperatie Nieuwe Naam", _app.Db(db => db.Organisations.Single(o => o.Id == winner).Name));

        var again = (await ReleasesAsync(world)).Single(r => r["id"]!.GetValue<string>() == supplierRelease["id"]!.GetValue<string>());
        Assert.Equal(published, again.ToJsonString());
        Assert.DoesNotContain("87654321", again.ToJsonString());
    }
}
