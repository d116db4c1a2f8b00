using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

public sealed class TenderVisibilityTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_bidder_sees_a_tender_only_once_it_is_announced_and_never_its_confidential_parts()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var bidder = await _app.Users.ClientAsync("bo.zorgplus", await _app.OrganisationAsync("Zorgplus Utrecht", "12345678"), "Bidder");

        Assert.Empty(await bidder.GetArrayAsync("/api/tenders"));
        Assert.Equal("TenderNotFoundRule", (await (await bidder.GetAsync($"/api/tenders/{tender.Id()}")).ProblemAsync(404))["rule"]!.GetValue<string>());
        await (await bidder.GetAsync($"/api/tenders/{tender.Id()}/diagram")).ProblemAsync(404);
        await (await bidder.FireAsync(tender.Id(), "cancel", "not mine")).ProblemAsync(404);

        Assert.Equal(HttpStatusCode.OK, (await _app.Procurement().PostAsync($"/api/tenders/{tender.Id()}/announce", null)).StatusCode);

        Assert.Single(await bidder.GetArrayAsync("/api/tenders"));
        var seen = await bidder.GetJsonAsync($"/api/tenders/{tender.Id()}");
        Assert.Null(seen["themes"]);
        Assert.All(seen["triggers"]!.AsArray(), t => Assert.False(t!["permitted"]!.GetValue<bool>()));
        await (await bidder.GetAsync($"/api/tenders/{tender.Id()}/audit")).ProblemAsync(403);
        Assert.Equal("RoleMayNotFireTriggerRule", (await (await bidder.FireAsync(tender.Id(), "cancel", "not mine")).ProblemAsync(403))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_participating_organisation_sees_its_tender_but_not_the_dialogue_themes_another_sees_nothing()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var own = await _app.OrganisationAsync("Zorgplus Utrecht", "12345678");
        var other = await _app.OrganisationAsync("Buurtzorg Oost", "87654321");
        await _app.ParticipateAsync(tender.Id(), own);

        var participant = await _app.Users.ClientAsync("bo.zorgplus", own, "Bidder");
        var outsider = await _app.Users.ClientAsync("olaf.oost", other, "Bidder");

        var seen = await participant.GetJsonAsync($"/api/tenders/{tender.Id()}");
        Assert.Equal(tender.Id(), seen.Id());
        // Taking part (having applied) is not being in the dialogue: themes are for the selected participant (Dialogue tests).
        Assert.Null(seen["themes"]);
        await (await outsider.GetAsync($"/api/tenders/{tender.Id()}")).ProblemAsync(404);
        Assert.Empty(await outsider.GetArrayAsync("/api/tenders"));
    }

    [Fact]
    public async Task An_evaluator_sees_only_assigned_tenders()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();
        var evaluator = await _app.Users.ClientAsync("eva.beoordelaar", null, "Evaluator");
        await (await evaluator.GetAsync($"/api/tenders/{tender.Id()}")).ProblemAsync(404);

        var eva = await _app.Users.EnsureAsync("eva.beoordelaar", null, "Evaluator");
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"/api/tenders/{tender.Id()}/evaluators", new { userId = eva.Id })).StatusCode);

        Assert.Equal(tender.Id(), (await evaluator.GetJsonAsync($"/api/tenders/{tender.Id()}")).Id());
        Assert.Single(await evaluator.GetArrayAsync("/api/tenders"));
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "tender.evaluator.assigned");
    }

    [Fact]
    public async Task Only_procurement_announces_once_and_assigns_only_evaluators()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        await (await _app.Legal().PostAsync($"/api/tenders/{tender.Id()}/announce", null)).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await _app.Procurement().PostAsync($"/api/tenders/{tender.Id()}/announce", null)).StatusCode);
        Assert.Equal("AlreadyAnnouncedRule", (await (await _app.Procurement().PostAsync($"/api/tenders/{tender.Id()}/announce", null)).ProblemAsync(409))["rule"]!.GetValue<string>());

        var legal = await _app.Users.EnsureAsync("lea.jurist", null, "Legal");
        var notEvaluator = await _app.Procurement().PostAsJsonAsync($"/api/tenders/{tender.Id()}/evaluators", new { userId = legal.Id });
        Assert.Equal("NotAnEvaluatorRule", (await notEvaluator.ProblemAsync(400))["rule"]!.GetValue<string>());
    }
}
