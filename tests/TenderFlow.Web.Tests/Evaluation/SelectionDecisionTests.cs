using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Evaluation.EvaluationWorld;

namespace TenderFlow.Web.Tests.Evaluation;

public sealed class SelectionDecisionTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string> RuleAsync(HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    private async Task<int> SelectedCountAsync(EvaluationWorld w)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ITenderFacts>().SelectedCandidateCountAsync(w.TenderId, CancellationToken.None);
    }

    [Fact]
    public async Task The_chosen_candidate_hears_of_its_deadlines_only_once_the_selection_is_announced()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);
        var chosen = (await _app.Users.EnsureAsync(w.A.Bidders[0], w.A.Organisations[0], "Bidder")).Id;
        int DeadlineMails() => w.QueryAsync(db => db.Notifications.Where(n => n.UserId == chosen && n.Kind == "deadline.changed")).GetAwaiter().GetResult().Count;

        var moved = await procurement.PutAsJsonAsync($"/api/tenders/{w.Tender}/deadlines/dialogueEnd",
            new { dueAt = "2027-07-22T17:00", reason = "Een week meer voor het laatste thema." });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal(0, DeadlineMails());

        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{w.Api}/announce", new { })).StatusCode);
        moved = await procurement.PutAsJsonAsync($"/api/tenders/{w.Tender}/deadlines/dialogueEnd",
            new { dueAt = "2027-07-29T17:00", reason = "Nog een week erbij." });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal(1, DeadlineMails());
    }

    [Fact]
    public async Task Ranking_uses_the_weighted_total_and_the_heaviest_criterion_to_break_a_tie()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var rows = (await w.RankingAsync())["rows"]!.AsArray();
        string Id(int i) => rows[i]!["candidate"]!["applicationId"]!.GetValue<string>();
        // A: 8/10×60 + 5/10×40 = 68; B: 6/10×60 + 8/10×40 = 68; K1 (60%) decides for A. C: 3/10×60 + 10/10×40 = 58, below K1's minimum 4.
        Assert.Equal(w.A.ApplicationId.ToString(), Id(0));
        Assert.Equal(w.B.ApplicationId.ToString(), Id(1));
        Assert.Equal(w.C.ApplicationId.ToString(), Id(2));
        Assert.Equal([68m, 68m, 58m], rows.Select(r => r!["total"]!.GetValue<decimal>()));
        Assert.Equal([1, 2], rows.Take(2).Select(r => r!["rank"]!.GetValue<int>()));
        Assert.Equal("Unsuitable", rows[2]!["standing"]!.GetValue<string>());
        Assert.Equal("K1", rows[2]!["belowMinimum"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _app.Legal().GetAsync($"{w.Api}/ranking")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.BidderOf(w.A).GetAsync($"{w.Api}/ranking")).StatusCode);
    }

    [Fact]
    public async Task Exactly_one_selected_candidate_guards_the_announcement_and_a_refused_announcement_sends_nothing()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal(0, await SelectedCountAsync(w));

        var refused = await procurement.PostAsJsonAsync($"{w.Api}/announce", new { });
        var problem = await refused.ProblemAsync(409);
        Assert.Equal("GuardsUnmetRule", problem["rule"]!.GetValue<string>());
        Assert.Equal("selection.exactlyOneCandidateSelected", problem["unmetGuards"]![0]!["guard"]!.GetValue<string>());
        Assert.Empty(await w.QueryAsync(db => db.SelectionLetters));
        Assert.Empty(await w.QueryAsync(db => db.Notifications));
        Assert.Empty(await w.QueryAsync(db => db.Documents));
        Assert.Equal("selection", (await procurement.GetJsonAsync($"/api/tenders/{w.Tender}")).Phase());
        // The generic trigger is held by the same guard.
        Assert.Equal("GuardsUnmetRule", await RuleAsync(await procurement.FireAsync(w.Tender, "announceSelection"), 409));

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);
        Assert.Equal(1, await SelectedCountAsync(w));
        // Choosing again replaces the decision: still exactly one.
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);
        Assert.Equal(1, await SelectedCountAsync(w));

        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{w.Api}/announce", new { })).StatusCode);
        Assert.Equal("selectionStandstill", (await procurement.GetJsonAsync($"/api/tenders/{w.Tender}")).Phase());
        Assert.Equal(3, (await w.QueryAsync(db => db.SelectionLetters)).Count);
        // Assessment is closed once announced.
        Assert.Equal("AssessmentClosedRule", await RuleAsync(await w.ConsensusAsync(Chair, w.A, 9, 9, "te laat"), 409));
    }

    [Fact]
    public async Task No_candidate_is_selected_while_another_is_still_being_assessed()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        await w.AssessAsync(w.A, 8, 5, "Consensus A: heldere visie op de beweging");
        await w.AssessAsync(w.C, 3, 10, "Consensus C: visie onvoldoende uitgewerkt");
        var procurement = _app.Procurement();

        // B has no consensus yet: A is "rank 1" only among those assessed.
        Assert.Equal("AssessmentIncompleteRule", await RuleAsync(await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId }), 409));

        await w.AssessAsync(w.B, 6, 8, "Consensus B: sterke uitvoering in de wijken");
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);
    }

    [Fact]
    public async Task A_selection_the_ranking_no_longer_supports_is_not_announced()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);

        // The chair corrects A's consensus after the selection: B is now sole first, and A was chosen without a reason.
        Assert.Equal(HttpStatusCode.NoContent, (await w.ConsensusAsync(Chair, w.A, 5, 5, "Consensus A herzien")).StatusCode);

        Assert.Equal("SelectionOutdatedRule", await RuleAsync(await procurement.PostAsJsonAsync($"{w.Api}/announce", new { }), 409));
        Assert.Empty(await w.QueryAsync(db => db.SelectionLetters));
        Assert.Equal("selection", (await procurement.GetJsonAsync($"/api/tenders/{w.Tender}")).Phase());

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.B.ApplicationId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{w.Api}/announce", new { })).StatusCode);
    }

    [Fact]
    public async Task Deviating_from_rank_one_needs_a_reason_and_unsuitable_candidates_cannot_be_selected()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal("DeviationReasonRequiredRule", await RuleAsync(await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.B.ApplicationId }), 400));
        Assert.Equal("CandidateNotRankedRule", await RuleAsync(await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.C.ApplicationId, reason = "toch" }), 409));
        Assert.Equal(0, await SelectedCountAsync(w));
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Evaluator(Chair).PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection",
            new { applicationId = w.B.ApplicationId, reason = "Bezwaar tegen de consensusscore van A op K1 gegrond verklaard." })).StatusCode);
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var selected = audit.Single(e => e!["action"]!.GetValue<string>() == "evaluation.candidate.selected")!;
        Assert.Contains("\"basis\":\"deviation\"", selected["payload"]!.ToJsonString());
        Assert.Contains("gegrond verklaard", selected["payload"]!.ToJsonString());
    }

    [Fact]
    public async Task A_tie_the_rule_cannot_break_is_decided_by_the_notarial_lot_recorded_as_the_reason()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        await w.AssessAsync(w.A, 7, 7, "Consensus A");
        await w.AssessAsync(w.B, 7, 7, "Consensus B");
        await w.AssessAsync(w.C, 3, 10, "Consensus C");
        var rows = (await w.RankingAsync())["rows"]!.AsArray();
        Assert.All(rows.Take(2), r => Assert.True(r!["tied"]!.GetValue<bool>()));
        Assert.All(rows.Take(2), r => Assert.Equal(1, r!["rank"]!.GetValue<int>()));
        var procurement = _app.Procurement();
        Assert.Equal("DeviationReasonRequiredRule", await RuleAsync(await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.B.ApplicationId }), 400));
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection",
            new { applicationId = w.B.ApplicationId, reason = "Loting door notaris mr. De Vries op 22 april 2027, proces-verbaal 2027-114." })).StatusCode);
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Contains("\"basis\":\"lot\"", audit.Single(e => e!["action"]!.GetValue<string>() == "evaluation.candidate.selected")!["payload"]!.ToJsonString());

        // Every candidate is told why the tie went this way, A (ranked first with B) above all.
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{w.Api}/announce", new { })).StatusCode);
        var letter = System.Net.WebUtility.HtmlDecode(await (await w.BidderOf(w.A).GetAsync($"/tenders/{w.Tender}/beoordeling/brief")).Content.ReadAsStringAsync());
        Assert.Contains("proces-verbaal 2027-114", letter, StringComparison.Ordinal);
    }
}
