using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Evaluation.EvaluationWorld;

namespace TenderFlow.Web.Tests.Evaluation;

public sealed class DeclarationTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string> RuleAsync(HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    [Fact]
    public async Task Without_a_signed_declaration_an_evaluator_sees_no_application_and_cannot_judge_or_score()
    {
        var w = await CreateAsync(_app);
        var eva = w.Evaluator(Chair);

        var workspace = await eva.GetJsonAsync($"{w.Api}/workspace");
        Assert.Empty(workspace["applications"]!.AsArray());
        Assert.Null(workspace["declaration"]);
        Assert.Equal("DeclarationRequiredRule", await RuleAsync(await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}"), 409));
        Assert.Equal("DeclarationRequiredRule", await RuleAsync(await w.JudgeAsync(Chair, w.A, w.G1, true), 409));
        Assert.Equal("DeclarationRequiredRule", await RuleAsync(await w.ScoreAsync(Chair, w.A, 5, 5, "x"), 409));
        var page = WebUtility.HtmlDecode(await (await eva.GetAsync($"/tenders/{w.Tender}/beoordeling")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(w.A.Name, page);
        Assert.Contains("name=\"conflict\"", page);

        await w.DeclareAsync(Chair);
        workspace = await eva.GetJsonAsync($"{w.Api}/workspace");
        Assert.Equal(3, workspace["applications"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}")).StatusCode);
        Assert.Contains(w.A.Name, WebUtility.HtmlDecode(await (await eva.GetAsync($"/tenders/{w.Tender}/beoordeling")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_declaration_is_signed_once_and_a_conflict_needs_an_explanation()
    {
        var w = await CreateAsync(_app);
        var eva = w.Evaluator(Second);
        Assert.Equal("ConflictExplanationRequiredRule", await RuleAsync(await eva.PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = true, explanation = "  " }), 400));
        await w.DeclareAsync(Second);
        Assert.Equal("DeclarationAlreadySignedRule", await RuleAsync(await eva.PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = false }), 409));
        // Procurement is no evaluator; an evaluator not on this committee does not even see the tender.
        Assert.Equal("NotAnAssignedEvaluatorRule", await RuleAsync(await _app.Procurement().PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = false }), 403));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Evaluator(Outsider).PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = false })).StatusCode);
    }

    [Fact]
    public async Task A_declared_conflict_blocks_the_evaluator_until_Procurement_clears_it_and_every_step_is_audited()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAsync(Second, conflict: true, explanation: "Mijn partner werkt bij Stichting Wijkkracht.");
        var eva = w.Evaluator(Second);

        Assert.Equal("ConflictOfInterestRule", await RuleAsync(await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}"), 403));
        Assert.Equal("ConflictOfInterestRule", await RuleAsync(await w.ScoreAsync(Second, w.A, 5, 5, "x"), 403));

        // Only Procurement resolves, with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await eva.PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution", new { outcome = "Cleared", reason = "zelf" })).StatusCode);
        Assert.Equal("MotivationRequiredRule", await RuleAsync(await _app.Procurement().PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution", new { outcome = "Cleared", reason = "" }), 400));
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Procurement().PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution",
            new { outcome = "Cleared", reason = "Partner werkt op een andere afdeling zonder betrokkenheid bij de aanmelding." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}")).StatusCode);
        Assert.Equal("NoConflictToResolveRule", await RuleAsync(await _app.Procurement().PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution", new { outcome = "Recused", reason = "nogmaals" }), 409));

        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var signed = audit.Single(e => e!["action"]!.GetValue<string>() == "evaluation.declaration.signed")!;
        Assert.Equal(w.SecondId, signed["actorId"]!.GetValue<string>());
        Assert.Contains("Stichting Wijkkracht", signed["payload"]!.ToJsonString());
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "evaluation.conflict.resolved");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "evaluation.chair.designated");
    }

    [Fact]
    public async Task An_evaluator_who_recognises_a_candidate_declares_the_conflict_after_all_and_is_blocked_until_resolved()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        var eva = w.Evaluator(Second);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Chair, w.A, w.G1, false)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Second, w.A, w.G1, false)).StatusCode);
        Assert.Equal("Failed", (await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}"))["verdicts"]![w.G1.ToString()]!.GetValue<string>());

        Assert.Equal("ConflictExplanationRequiredRule", await RuleAsync(await eva.PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = true, explanation = " " }), 400));
        Assert.Equal(HttpStatusCode.NoContent, (await eva.PostAsJsonAsync($"{w.Api}/declaration",
            new { hasConflict = true, explanation = "Ik zie nu dat mijn zus bestuurder is van een lid van combinatie B." })).StatusCode);

        Assert.Equal("ConflictOfInterestRule", await RuleAsync(await eva.GetAsync($"{w.Api}/applications/{w.A.ApplicationId}"), 403));
        // What they judged before no longer counts: one remaining judgement decides nothing on its own.
        Assert.Equal("Pending", (await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}"))["verdicts"]![w.G1.ToString()]!.GetValue<string>());
        Assert.Equal("DeclarationAlreadySignedRule", await RuleAsync(await eva.PostAsJsonAsync($"{w.Api}/declaration", new { hasConflict = false }), 409));
        Assert.Equal("ConflictedChairRule", await RuleAsync(await _app.Procurement().PostAsJsonAsync($"{w.Api}/chair", new { userId = w.SecondId }), 409));
        var amended = (await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit")).Single(e => e!["action"]!.GetValue<string>() == "evaluation.declaration.amended")!;
        Assert.Contains("mijn zus", amended["payload"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Procurement().PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution",
            new { outcome = "Recused", reason = "Treedt terug." })).StatusCode);
    }

    [Fact]
    public async Task A_knock_out_judgement_without_a_chosen_verdict_is_refused_not_counted_as_a_fail_or_a_pass()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        var page = $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}";
        var form = await (await w.Evaluator(Second).GetAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"pass\" required checked", form, StringComparison.Ordinal);

        var (response, html) = await Portal.PortalForms.PostAsync(w.Evaluator(Second), $"{page}?handler=Knockout",
            new Dictionary<string, string> { ["requirementId"] = w.G1.ToString(), ["motivation"] = "Referenties overtuigend" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies of de kandidaat aan de eis voldoet", html, StringComparison.Ordinal);
        Assert.Empty(await w.QueryAsync(db => db.KnockoutJudgements));
    }

    [Fact]
    public async Task A_refused_declaration_keeps_the_choice_and_points_to_the_missing_explanation()
    {
        var w = await CreateAsync(_app);

        var (response, html) = await Portal.PortalForms.PostAsync(w.Evaluator(Second), $"/tenders/{w.Tender}/beoordeling?handler=Declare",
            new Dictionary<string, string> { ["conflict"] = "yes", ["explanation"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"page-error\"", html);
        Assert.Matches("id=\"conflict-yes\"[^>]*checked", html);
        Assert.DoesNotMatch("id=\"conflict-no\"[^>]*checked", html);
        Assert.Matches("id=\"explanation\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
    }

    [Fact]
    public async Task A_refused_score_sheet_comes_back_as_it_was_filled_in()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        await w.PassKnockoutsAsync(w.A);
        var page = $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}";

        var (response, html) = await Portal.PortalForms.PostAsync(w.Evaluator(Second), $"{page}?handler=Scores", new Dictionary<string, string>
        {
            ["scores[0].CriterionId"] = w.K1.ToString(), ["scores[0].Score"] = "7", ["scores[0].Motivation"] = "Sterke visie \u202Eop\u202C de beweging in de wijk",
            ["scores[1].CriterionId"] = w.K2.ToString(), ["scores[1].Score"] = "6", ["scores[1].Motivation"] = "Degelijke uitvoering",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var decoded = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("Degelijke uitvoering</textarea>", decoded);
        Assert.Matches("id=\"score-K2-6\"[^>]*checked", html);
        Assert.DoesNotMatch("id=\"score-K2-5\"[^>]*checked", html);
    }

    [Fact]
    public async Task A_recused_evaluator_stays_blocked_and_the_consensus_does_not_wait_for_them()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAsync(Chair);
        await w.DeclareAsync(Second, conflict: true, explanation: "Oud-bestuurder van Careyn.");
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Procurement().PostAsJsonAsync($"{w.Api}/declarations/{w.SecondId}/resolution",
            new { outcome = "Recused", reason = "Treedt terug voor deze aanbesteding." })).StatusCode);
        Assert.Equal("ConflictOfInterestRule", await RuleAsync(await w.Evaluator(Second).GetAsync($"{w.Api}/applications/{w.A.ApplicationId}"), 403));

        // With one evaluator a knock-out needs the chair's settlement (two must agree otherwise).
        Assert.Equal(HttpStatusCode.NoContent, (await w.JudgeAsync(Chair, w.A, w.G1, true)).StatusCode);
        var assessment = await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/applications/{w.A.ApplicationId}");
        Assert.Equal("Pending", assessment["verdicts"]![w.G1.ToString()]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await w.ScoreAsync(Chair, w.A, 7, 7, "Alleen de voorzitter")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.ConsensusAsync(Chair, w.A, 7, 7, "Consensus zonder teruggetreden lid")).StatusCode);
    }

    [Fact]
    public async Task The_chair_is_an_assigned_evaluator_designated_by_Procurement()
    {
        var w = await CreateAsync(_app, designateChair: false);
        var outsider = (await _app.Users.EnsureAsync(Outsider, null, "Evaluator")).Id;
        Assert.Equal("NotAnAssignedEvaluatorRule", await RuleAsync(await _app.Procurement().PostAsJsonAsync($"{w.Api}/chair", new { userId = outsider }), 400));
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Evaluator(Chair).PostAsJsonAsync($"{w.Api}/chair", new { userId = w.ChairId })).StatusCode);
        await w.DeclareAllAsync();
        Assert.Equal("NotTheChairRule", await RuleAsync(await w.ConsensusAsync(Chair, w.A, 5, 5, "x"), 403));
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Procurement().PostAsJsonAsync($"{w.Api}/chair", new { userId = w.SecondId })).StatusCode);
        Assert.True((await w.Evaluator(Second).GetJsonAsync($"{w.Api}/workspace"))["isChair"]!.GetValue<bool>());
        Assert.False((await w.Evaluator(Chair).GetJsonAsync($"{w.Api}/workspace"))["isChair"]!.GetValue<bool>());
    }
}
