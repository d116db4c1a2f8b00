using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>A contract recorded with a start date already reached starts at once; its record stays correctable until the first extension decision.</summary>
public sealed class ContractCorrectionTests : IDisposable
{
    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    private static object Contract(string startDate) =>
        new { startDate, baseTermYears = 3, extensionOptions = new[] { new { years = 2 } }, maximumTermYears = 10 };

    [Fact]
    public async Task A_running_contract_started_by_a_wrong_start_date_is_corrected_until_the_first_extension_decision()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        _app.Clock.SetUtcNow(await world.DeadlineAsync("awardStandstillEnd") + TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().PostAsync($"/api/tenders/{world.Tender}/announce", null)).StatusCode);
        var reference = (await world.Procurement().GetJsonAsync($"/api/tenders/{world.Tender}"))["reference"]!.GetValue<string>();
        var today = DateOnly.FromDateTime(AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var contract = $"/api/tenders/{world.Tender}/contract";

        // Today typed instead of the real start date: the contract starts at once.
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync(contract, Contract(today))).StatusCode);
        await _app.RunDueDeadlineJobsAsync();
        Assert.Equal("awarded", await world.PhaseAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        var corrected = await world.Procurement().PutAsJsonAsync(contract, Contract("2028-01-01"));
        Assert.True(corrected.StatusCode == HttpStatusCode.NoContent, await corrected.Content.ReadAsStringAsync());

        Assert.Equal("2028-01-01", (await world.ParticipantClient().GetJsonAsync(contract))["startDate"]!.GetValue<string>());
        Assert.Equal("awarded", await world.PhaseAsync());
        var page = await (await world.Procurement().GetAsync($"/tenders/{world.Tender}/contract")).Content.ReadAsStringAsync();
        Assert.Contains("<dd id=\"contract-start\">2028-01-01</dd>", page);
        Assert.Contains("id=\"contract-start-date\"", page);
        var notice = await (await _app.CreateClient().GetAsync($"/openbaar/{reference}")).Content.ReadAsStringAsync();
        Assert.Contains("<time datetime=\"2028-01-01\">2028-01-01</time>", notice);
        // The contract's start deadline follows the record, as before the start.
        Assert.Equal("2028-01-01 00:00", AmsterdamTime.Format((await world.DeadlineAsync("contractStart")).UtcDateTime));

        // The public export: the release that published the first record stays as it was; an update carries the correction.
        var releases = (await _app.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tenders/{world.Tender}/ocds"))!["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var first = releases.Single(r => r["tag"]![0]!.GetValue<string>() == "contract");
        Assert.StartsWith(today, first["contracts"]![0]!["period"]!["startDate"]!.GetValue<string>());
        Assert.StartsWith("2028-01-01", releases.Last()["contracts"]![0]!["period"]!["startDate"]!.GetValue<string>());
        Assert.Equal("contractUpdate", releases.Last()["tag"]![0]!.GetValue<string>());

        var audit = await (await world.Legal().GetAsync($"/api/tenders/{world.Tender}/audit")).Content.ReadAsStringAsync();
        Assert.Contains("contract.corrected", audit);

        // The first extension decision fixes the record.
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PostAsJsonAsync($"{contract}/extensions", new { option = 1, exercised = true, reason = "Prestaties naar doel" })).StatusCode);
        Assert.Equal("ContractRecordClosedRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-02-01"))).RuleAsync(409));
        Assert.Equal("2028-01-01", (await world.Legal().GetJsonAsync(contract))["startDate"]!.GetValue<string>());
        Assert.DoesNotContain("id=\"contract-start-date\"", await (await world.Procurement().GetAsync($"/tenders/{world.Tender}/contract")).Content.ReadAsStringAsync());
    }
}
