using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Evaluation.EvaluationWorld;

namespace TenderFlow.Web.Tests.Evaluation;

public sealed class ScoringTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string> RuleAsync(HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Before_the_four_eyes_opening_nothing_can_be_seen_judged_or_scored()
    {
        var w = await CreateAsync(_app, opened: false);
        await w.DeclareAllAsync();
        Assert.Equal("ApplicationsNotOpenedRule", await RuleAsync(await w.ScoreAsync(Chair, w.A, 5, 5, "te vroeg"), 409));
        Assert.Equal("ApplicationsNotOpenedRule", await RuleAsync(await w.JudgeAsync(Chair, w.A, w.G1, true), 409));
        Assert.Equal("ApplicationsNotOpenedRule", await RuleAsync(await w.Evaluator(Chair).GetAsync($"{w.Api}/applications/{w.A.ApplicationId}"), 409));
        Assert.Empty((await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/workspace"))["applications"]!.AsArray());
        Assert.Empty((await w.RankingAsync())["rows"]!.AsArray());
        Assert.Empty(await w.QueryAsync(db => db.IndividualScores));

        await w.OpenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Chair, w.A, 5, 5, "na opening")).StatusCode);
    }

    [Fact]
    public async Task An_evaluator_sees_no_other_scores_on_any_route_until_submitting_their_own()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        const string secret = "Geheime motivering van de tweede beoordelaar";
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Second, w.A, 9, 2, secret)).StatusCode);
        var chair = w.Evaluator(Chair);

        // API: individual scores, the assessment, the consensus view, the ranking.
        Assert.Equal("IndependentScoringRule", await RuleAsync(await chair.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores"), 403));
        var assessment = await chair.GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}");
        Assert.Empty(assessment["otherScores"]!.AsArray());
        Assert.DoesNotContain(secret, assessment.ToJsonString());
        var consensus = await chair.GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}/consensus");
        Assert.Empty(consensus["scores"]!.AsArray());
        Assert.DoesNotContain(secret, consensus.ToJsonString());
        Assert.Equal("RankingAccessRule", await RuleAsync(await chair.GetAsync($"{w.Api}/ranking"), 403));
        Assert.DoesNotContain(secret, (await chair.GetJsonAsync($"{w.Api}/workspace")).ToJsonString());
        // Pages: assessment, consensus, workspace; the decision page is not theirs.
        Assert.DoesNotContain(secret, await PageAsync(chair, $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}"));
        Assert.DoesNotContain(secret, await PageAsync(chair, $"/tenders/{w.Tender}/beoordeling/consensus/{w.A.ApplicationId}"));
        Assert.DoesNotContain(secret, await PageAsync(chair, $"/tenders/{w.Tender}/beoordeling"));
        var decision = await w.Evaluator(Chair).GetAsync($"/tenders/{w.Tender}/beoordeling/besluit");
        Assert.NotEqual(HttpStatusCode.OK, decision.StatusCode);
        // The audit trail carries a digest, not the scores (Procurement reads it before consensus).
        Assert.DoesNotContain(secret, (await _app.Procurement().GetArrayAsync($"/api/tenders/{w.Tender}/audit")).ToJsonString());

        // Procurement before consensus, bidders never; Legal always.
        Assert.Equal("IndividualScoresHiddenRule", await RuleAsync(await _app.Procurement().GetAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores"), 403));
        Assert.Equal("IndividualScoresHiddenRule", await RuleAsync(await w.BidderOf(w.A).GetAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores"), 403));
        Assert.Contains(secret, (await _app.Legal().GetArrayAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores")).ToJsonString());

        // After submitting their own, the chair sees the other's scores.
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Chair, w.A, 6, 6, "Eigen oordeel voorzitter")).StatusCode);
        Assert.Contains(secret, (await chair.GetArrayAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores")).ToJsonString());
        Assert.Contains(secret, await PageAsync(chair, $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}"));
        // ...but not on another application they have not scored.
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Second, w.B, 4, 4, "Tweede over B")).StatusCode);
        Assert.Equal("IndependentScoringRule", await RuleAsync(await chair.GetAsync($"{w.Api}/applications/{w.B.ApplicationId}/scores"), 403));

        // Procurement sees individual scores once the consensus is set.
        Assert.Equal(HttpStatusCode.NoContent, (await w.ConsensusAsync(Chair, w.A, 7, 4, "Consensus")).StatusCode);
        Assert.Contains(secret, (await _app.Procurement().GetArrayAsync($"{w.Api}/applications/{w.A.ApplicationId}/scores")).ToJsonString());
    }

    [Fact]
    public async Task Submitted_scores_are_final_and_a_sheet_covers_every_criterion_on_its_scale_with_motivation()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        var eva = w.Evaluator(Second);
        var url = $"{w.Api}/applications/{w.A.ApplicationId}/scores";
        Assert.Equal("ScoreSheetIncompleteRule", await RuleAsync(await eva.PostAsJsonAsync(url, new { scores = new[] { new { criterionId = w.K1, score = 5, motivation = "alleen K1" } } }), 400));
        Assert.Equal("ScoreOutOfScaleRule", await RuleAsync(await eva.PostAsJsonAsync(url, Sheet(w.K1, 11, "te hoog", w.K2, 5, "goed")), 400));
        Assert.Equal("MotivationRequiredRule", await RuleAsync(await eva.PostAsJsonAsync(url, Sheet(w.K1, 5, " ", w.K2, 5, "goed")), 400));
        // A motivation is what an objection is judged on: invisible characters are no motivation, a direction override is refused.
        Assert.Equal("MotivationRequiredRule", await RuleAsync(await eva.PostAsJsonAsync(url, Sheet(w.K1, 5, "\u200b\u2060", w.K2, 5, "goed")), 400));
        Assert.Equal("UnreadableTextRule", await RuleAsync(await eva.PostAsJsonAsync(url, Sheet(w.K1, 5, "redelijk", w.K2, 5, "\u202Edoog\u202C")), 400));
        Assert.Empty(await w.QueryAsync(db => db.IndividualScores));

        Assert.Equal(HttpStatusCode.NoContent, (await eva.PostAsJsonAsync(url, Sheet(w.K1, 5, "redelijk", w.K2, 6, "goed"))).StatusCode);
        Assert.Equal("ScoresFinalRule", await RuleAsync(await eva.PostAsJsonAsync(url, Sheet(w.K1, 9, "toch beter", w.K2, 9, "toch beter")), 409));
        var stored = await w.QueryAsync(db => db.IndividualScores.OrderBy(s => s.Score).Select(s => s.Score));
        Assert.Equal(new[] { 5, 6 }, stored);
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "evaluation.scores.submitted");

        // Through the portal form (radio groups with descriptors), the same rule: a missing choice is refused, nothing is stored.
        var chair = w.Evaluator(Chair);
        var url2 = $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}";
        var form = await PageAsync(chair, url2);
        Assert.Contains("type=\"radio\" id=\"score-K1-10\"", form);
        Assert.Contains("10 — <span>uitstekend</span>", form);
        var fields = new Dictionary<string, string>
        {
            ["scores[0].CriterionId"] = w.K1.ToString(), ["scores[0].Score"] = "7", ["scores[0].Motivation"] = "Sterke visie",
            ["scores[1].CriterionId"] = w.K2.ToString(), ["scores[1].Motivation"] = "Geen keuze gemaakt",
        };
        var missing = await Authorization.MatrixWorld.PostFormAsync(chair, url2 + "?handler=Scores", fields);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("role=\"alert\"", await missing.Content.ReadAsStringAsync());
        Assert.Equal(2, (await w.QueryAsync(db => db.IndividualScores)).Count);
        fields["scores[1].Score"] = "4";
        var posted = await Authorization.MatrixWorld.PostFormAsync(chair, url2 + "?handler=Scores", fields);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var mine = await w.QueryAsync(db => db.IndividualScores.Where(s => s.EvaluatorUserId == w.ChairId).OrderBy(s => s.Score).Select(s => s.Score));
        Assert.Equal(new[] { 4, 7 }, mine);
    }

    [Fact]
    public async Task Consensus_only_by_the_chair_and_only_after_every_evaluator_without_conflict_submitted()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        await w.PassKnockoutsAsync(w.A);
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Chair, w.A, 8, 5, "voorzitter")).StatusCode);
        Assert.Equal("EvaluatorsStillScoringRule", await RuleAsync(await w.ConsensusAsync(Chair, w.A, 8, 5, "te vroeg"), 409));
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Second, w.A, 7, 6, "tweede")).StatusCode);
        Assert.Equal("NotTheChairRule", await RuleAsync(await w.ConsensusAsync(Second, w.A, 8, 5, "niet de voorzitter"), 403));
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Procurement().PostAsJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}/consensus", Sheet(w.K1, 8, "x", w.K2, 5, "y"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.ConsensusAsync(Chair, w.A, 8, 5, "Consensus na overleg")).StatusCode);

        var consensus = await w.QueryAsync(db => db.ConsensusScores.OrderBy(c => c.Score).Select(c => c.Score));
        Assert.Equal(new[] { 5, 8 }, consensus);
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var set = audit.Single(e => e!["action"]!.GetValue<string>() == "evaluation.consensus.set")!;
        Assert.Equal(w.ChairId, set["actorId"]!.GetValue<string>());
        Assert.Contains("Consensus na overleg", set["payload"]!.ToJsonString());
    }

    [Fact]
    public async Task Knock_out_counts_when_two_evaluators_agree_or_the_chair_settles_and_a_failure_excludes_scoring()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        Assert.Equal("MotivationRequiredRule", await RuleAsync(await w.JudgeAsync(Chair, w.C, w.G1, false, ""), 400));
        Assert.Equal("MotivationRequiredRule", await RuleAsync(await w.JudgeAsync(Chair, w.C, w.G1, false, "\uFEFF"), 400));
        Assert.Equal("UnreadableTextRule", await RuleAsync(await w.JudgeAsync(Chair, w.C, w.G1, false, "Geen\u0000referenties"), 400));
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Chair, w.C, w.G1, false, "Geen referenties beschermd thuis")).StatusCode);
        string Verdict(System.Text.Json.Nodes.JsonObject a) => a["verdicts"]![w.G1.ToString()]!.GetValue<string>();
        Assert.Equal("Pending", Verdict(await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.C.ApplicationId}")));
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Second, w.C, w.G1, true, "Referentie volstaat")).StatusCode);
        Assert.Equal("Pending", Verdict(await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.C.ApplicationId}")));

        // Only the chair settles; after that an evaluator's judgement no longer changes.
        var settle = $"{w.Api}/applications/{w.C.ApplicationId}/knockout/settlement";
        Assert.Equal("NotTheChairRule", await RuleAsync(await w.Evaluator(Second).PostAsJsonAsync(settle, new { requirementId = w.G1, passed = true, motivation = "x" }), 403));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Evaluator(Chair).PostAsJsonAsync(settle, new { requirementId = w.G1, passed = false, motivation = "Referenties tonen geen ervaring met beschermd thuis" })).StatusCode);
        Assert.Equal("Failed", Verdict(await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.C.ApplicationId}")));
        Assert.Equal("KnockoutSettledRule", await RuleAsync(await w.JudgeAsync(Second, w.C, w.G1, true), 409));
        Assert.Equal("CandidateKnockedOutRule", await RuleAsync(await w.ScoreAsync(Second, w.C, 5, 5, "x"), 409));

        // Two agreeing evaluators decide without the chair.
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Chair, w.A, w.G1, true)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Second, w.A, w.G1, true)).StatusCode);
        Assert.Equal("Passed", (await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}"))["verdicts"]![w.G1.ToString()]!.GetValue<string>());

        var ranking = await w.RankingAsync();
        var c = ranking["rows"]!.AsArray().Single(r => r!["candidate"]!["applicationId"]!.GetValue<string>() == w.C.ApplicationId.ToString())!;
        Assert.Equal("KnockedOut", c["standing"]!.GetValue<string>());
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Equal(4, audit.Count(e => e!["action"]!.GetValue<string>() == "evaluation.knockout.judged"));
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "evaluation.knockout.settled");
    }
}
