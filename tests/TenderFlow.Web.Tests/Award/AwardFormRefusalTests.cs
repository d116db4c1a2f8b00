using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Award;

/// <summary>A refused post on the award or contract page comes back as typed, with the field at fault tied to the error.</summary>
public sealed class AwardFormRefusalTests : IDisposable
{
    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    private static void AssertTiedToError(string html, string fieldId) =>
        Assert.Matches($"id=\"{fieldId}\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);

    [Fact]
    public async Task A_resolution_against_the_advice_without_a_deviation_reason_keeps_the_typed_reasoning_and_points_to_the_deviation_field()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var objection = await (await world.ParticipantClient().ObjectAsync(world, "award")).FiledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: true)).StatusCode);
        const string Reasoning = "Wij achten de motivering op K2 toereikend; het bezwaar is ongegrond.";

        var (response, html) = await PortalForms.PostAsync(world.Procurement(), $"/tenders/{world.Tender}/gunning?handler=Resolve",
            new Dictionary<string, string> { ["objectionId"] = objection, ["upheld"] = "false", ["reasoning"] = Reasoning, ["deviationReason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"page-error\"", html);
        Assert.Contains(Reasoning, WebUtility.HtmlDecode(html));
        AssertTiedToError(html, $"resolve-{objection}-deviation");
        Assert.Matches($"id=\"resolve-{objection}-rejected\"[^>]*checked", html);
    }

    [Fact]
    public async Task Refused_award_reasons_and_advice_come_back_as_typed()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var page = $"/tenders/{world.Tender}/gunning";
        var unreadable = "Kwaliteit voldoende \u202Eraeh\u202C op alle criteria";

        var (refused, html) = await PortalForms.PostAsync(world.Procurement(), $"{page}?handler=Announce", new Dictionary<string, string> { ["reasons"] = unreadable });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(unreadable, WebUtility.HtmlDecode(html));
        AssertTiedToError(html, "award-reasons");

        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var objection = await (await world.ParticipantClient().ObjectAsync(world, "award")).FiledAsync();
        var (advice, adviceHtml) = await PortalForms.PostAsync(world.Legal(), $"{page}?handler=Advice",
            new Dictionary<string, string> { ["objectionId"] = objection, ["reasoning"] = "Advies zonder keuze" });
        Assert.Equal(HttpStatusCode.BadRequest, advice.StatusCode);
        Assert.Contains("Advies zonder keuze", adviceHtml);
        AssertTiedToError(adviceHtml, $"advice-{objection}-reasoning");
    }

    [Fact]
    public async Task A_refused_contract_record_keeps_the_typed_fields_and_points_to_the_start_date()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        await world.ClockAtAsync("awardStandstillEnd", TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);

        var (response, html) = await PortalForms.PostAsync(world.Procurement(), $"/tenders/{world.Tender}/contract?handler=Record",
            new Dictionary<string, string> { ["startDate"] = "2027-01-01", ["baseTermYears"] = "4", ["extensionOptions"] = "2,1", ["maximumTermYears"] = "8" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"page-error\"", html);
        Assert.Matches("id=\"contract-start-date\"[^>]*value=\"2027-01-01\"", html);
        Assert.Matches("id=\"contract-base\"[^>]*value=\"4\"", html);
        Assert.Matches("id=\"contract-options\"[^>]*value=\"2,1\"", html);
        Assert.Matches("id=\"contract-maximum\"[^>]*value=\"8\"", html);
        AssertTiedToError(html, "contract-start-date");
    }

    [Fact]
    public async Task A_refused_extension_decision_keeps_the_typed_reason()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        await world.ClockAtAsync("awardStandstillEnd", TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync($"/api/tenders/{world.Tender}/contract",
            new { startDate = "2028-01-01", baseTermYears = 3, extensionOptions = new[] { new { years = 2 } } })).StatusCode);
        await world.ClockAtAsync("contractStart", TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "startContract")).StatusCode);
        var reason = "Prestaties \u202Eraeh\u202C op wachttijden";

        var (response, html) = await PortalForms.PostAsync(world.Procurement(), $"/tenders/{world.Tender}/contract?handler=Extension",
            new Dictionary<string, string> { ["option"] = "1", ["exercised"] = "true", ["reason"] = reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(html));
        AssertTiedToError(html, "extension-reason");
    }
}
