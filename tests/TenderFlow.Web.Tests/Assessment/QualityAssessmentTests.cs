using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Assessment;

public sealed class QualityAssessmentTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<SubmissionWorld> SubmittedAndClosedAsync()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        await w.SubmitAsync();
        await w.CloseAsync();
        return w;
    }

    [Fact]
    public async Task Evaluators_judge_independently_the_chair_settles_after_all_and_a_sufficient_consensus_meets_the_award_guard()
    {
        var w = await SubmittedAndClosedAsync();
        Assert.Equal("SubmissionNotOpenedRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 409));
        await w.OpenAsync();

        Assert.Equal("NotAnAssignedEvaluatorRule", await RuleAsync(w.Procurement().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 403));
        Assert.Equal("QualitySheetIncompleteRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements",
            new { criteria = new[] { new { key = "budget-plan", sufficient = true, motivation = "m" } } }), 400));
        Assert.Equal("MotivationRequiredRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements",
            new { criteria = new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" }.Select(k => new { key = k, sufficient = true, motivation = " " }) }), 400));
        Assert.Equal("MotivationRequiredRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements",
            new { criteria = new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" }.Select(k => new { key = k, sufficient = true, motivation = "\u200b" }) }), 400));
        Assert.Equal("UnreadableTextRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements",
            new { criteria = new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" }.Select(k => new { key = k, sufficient = true, motivation = "Voldoende \u202Eniet\u202C" }) }), 400));

        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Chair: ")), HttpStatusCode.NoContent);
        Assert.Equal("QualityJudgementsFinalRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 409));

        // The second evaluator sees nobody's judgement before submitting their own; Procurement not before the consensus.
        var second = await w.SecondEvaluator().GetJsonAsync(w.AssessmentApi);
        Assert.Null(second["judgements"]);
        Assert.True(second["mayJudge"]!.GetValue<bool>());
        Assert.DoesNotContain("Chair: ", second.ToJsonString());
        Assert.DoesNotContain("Chair: ", (await w.Procurement().GetJsonAsync(w.AssessmentApi)).ToJsonString());
        Assert.Contains("Chair: ", (await w.Legal().GetJsonAsync(w.AssessmentApi)).ToJsonString());

        Assert.Equal("EvaluatorsStillJudgingRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet()), 409));
        Assert.Contains("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));
        Assert.Equal(HttpStatusCode.Conflict, (await w.Procurement().FireAsync(w.Tender, "announceAward", "Kwaliteit voldoende.")).StatusCode);

        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Second: ")), HttpStatusCode.NoContent);
        var after = await w.SecondEvaluator().GetJsonAsync(w.AssessmentApi);
        Assert.Equal(8, after["judgements"]!.AsArray().Count);
        Assert.Equal("NotTheChairRule", await RuleAsync(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet()), 403));

        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(prefix: "Consensus: ")), HttpStatusCode.NoContent);
        Assert.Equal("QualityConsensusFinalRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(false)), 409));
        var settled = await w.Procurement().GetJsonAsync(w.AssessmentApi);
        Assert.Equal("Sufficient", settled["verdict"]!.GetValue<string>());
        Assert.DoesNotContain("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));
        Assert.Contains("assessment.qualityInsufficient", await w.UnmetGuardsAsync("declareUnsuccessful"));

        using var scope = _app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<IQualityAssessmentReport>().JudgementsAsync(w.TenderId, CancellationToken.None);
        Assert.Equal(["dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness"], report.Select(j => j.Key));
        Assert.All(report, j => Assert.True(j.Sufficient));
        Assert.Equal("Consensus: Motivering budget-plan", report.Single(j => j.Key == "budget-plan").Motivation);
        Assert.Equal("Implementatieplan", report.Single(j => j.Key == "implementation-plan").TitleNl);
    }

    [Fact]
    public async Task An_evaluator_with_an_uncleared_conflict_is_not_waited_for_and_cannot_judge()
    {
        var w = await SubmittedAndClosedAsync();
        await w.OpenAsync();
        // eva.twee declared no conflict in the selection; a third evaluator assigned now declares one.
        var third = await _app.Users.EnsureAsync("eva.drie", null, "Evaluator");
        await Ok(w.Procurement().PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluators", new { userId = third.Id }), HttpStatusCode.NoContent);
        var drie = w.Dialogue.Evaluator("eva.drie");
        Assert.Equal("DeclarationRequiredRule", await RuleAsync(drie.PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 409));
        await Ok(drie.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/declaration", new { hasConflict = true, explanation = "Oud-bestuurder van de deelnemer" }), HttpStatusCode.NoContent);
        Assert.Equal("ConflictOfInterestRule", await RuleAsync(drie.PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 403));
        Assert.Null((await drie.GetJsonAsync(w.AssessmentApi))["judgements"]);

        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), HttpStatusCode.NoContent);
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), HttpStatusCode.NoContent);
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet()), HttpStatusCode.NoContent);

        // Recused, so kept out of the committee's conclusions too: neither the judgements nor the consensus motivations.
        var recused = await drie.GetJsonAsync(w.AssessmentApi);
        Assert.Null(recused["judgements"]);
        Assert.Null(recused["consensus"]);
        Assert.NotNull((await w.SecondEvaluator().GetJsonAsync(w.AssessmentApi))["consensus"]);
    }

    [Fact]
    public async Task An_evaluator_who_declares_a_conflict_after_judging_no_longer_reads_the_others_and_their_judgement_no_longer_counts()
    {
        var w = await SubmittedAndClosedAsync();
        await w.OpenAsync();
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Second: ")), HttpStatusCode.NoContent);
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/declaration",
            new { hasConflict = true, explanation = "Mijn partner is net in dienst getreden bij de deelnemer." }), HttpStatusCode.NoContent);
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Chair: ")), HttpStatusCode.NoContent);

        var conflicted = await w.SecondEvaluator().GetJsonAsync(w.AssessmentApi);
        Assert.Null(conflicted["judgements"]);
        Assert.DoesNotContain("Chair: ", conflicted.ToJsonString());
        var page = WebUtility.HtmlDecode(await (await w.SecondEvaluator().GetAsync($"/tenders/{w.Tender}/kwaliteitsbeoordeling")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Chair: ", page);
        // The chair settles on the judgements that count: the conflicted evaluator's are not among them. Legal sees all.
        Assert.DoesNotContain("Second: ", (await w.Chair().GetJsonAsync(w.AssessmentApi)).ToJsonString());
        Assert.Contains("Second: ", (await w.Legal().GetJsonAsync(w.AssessmentApi)).ToJsonString());
    }

    [Fact]
    public async Task A_refused_judgement_sheet_comes_back_as_filled_in_and_points_to_the_motivation_at_fault()
    {
        var w = await SubmittedAndClosedAsync();
        await w.OpenAsync();
        var keys = new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" };
        var form = keys.SelectMany(k => new[]
        {
            new KeyValuePair<string, string>($"sufficient-{k}", k == "budget-plan" ? "no" : "yes"),
            new KeyValuePair<string, string>($"motivation-{k}", k == "budget-plan" ? "Begroting \u202Eonvolledig\u202C" : $"Uitgebreide motivering bij {k}"),
        }).ToDictionary();

        var (response, html) = await Portal.PortalForms.PostAsync(w.Chair(), $"/tenders/{w.Tender}/kwaliteitsbeoordeling?handler=Judge", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("Uitgebreide motivering bij implementation-plan</textarea>", decoded);
        Assert.Matches("id=\"Judge-budget-plan-no\"[^>]*checked", html);
        Assert.Matches("id=\"Judge-budget-plan-motivation\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.DoesNotMatch("id=\"Judge-dialogue-outcomes-motivation\"[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task Insufficient_quality_lets_Procurement_end_the_tender_with_a_reasoned_letter_the_participant_reads()
    {
        var w = await SubmittedAndClosedAsync();
        await w.OpenAsync();
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(false)), HttpStatusCode.NoContent);
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(false)), HttpStatusCode.NoContent);
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(false, "Consensus: ")), HttpStatusCode.NoContent);
        Assert.Equal("Insufficient", (await w.Procurement().GetJsonAsync(w.AssessmentApi))["verdict"]!.GetValue<string>());
        Assert.Contains("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));
        Assert.Empty(await w.UnmetGuardsAsync("returnToDialogue"));

        Assert.Equal("ReasonRequiredRule", await RuleAsync(w.Procurement().FireAsync(w.Tender, "declareUnsuccessful"), 400));
        var reason = "Het implementatieplan is niet uitvoerbaar binnen de termijn; een nieuwe dialoogronde biedt geen perspectief.";
        var ended = await w.Procurement().FireAsync(w.Tender, "declareUnsuccessful", reason);
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        Assert.Equal("unsuccessful", await w.Dialogue.PhaseAsync());

        var letter = await w.DbAsync(db => db.Documents.SingleAsync(d => d.TenderId == w.TenderId && d.Kind == UnsuccessfulLetterDispatch.Kind));
        Assert.Equal(HttpStatusCode.OK, (await w.Participant().GetAsync($"/api/documents/{letter.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Legal().GetAsync($"/api/documents/{letter.Id}")).StatusCode);
        Assert.True((await w.Rejected().GetAsync($"/api/documents/{letter.Id}")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.True((await w.Chair().GetAsync($"/api/documents/{letter.Id}")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        var audit = await w.Procurement().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "assessment.unsuccessful.letterSent");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "document.read" && e["subject"]!.GetValue<string>().Contains(letter.Id.ToString()));

        var participantUsers = await w.DbAsync(db => db.Users.Where(u => u.OrganisationId == w.Dialogue.Participant.Organisations[0]).Select(u => u.Id).ToListAsync());
        Assert.True(await w.DbAsync(db => db.Notifications.AnyAsync(n => n.Kind == UnsuccessfulLetterDispatch.Kind && participantUsers.Contains(n.UserId))));

        // The letter's text: every criterion's consensus with its motivation, and the reason.
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync(t => t.Id == w.TenderId);
        var judgements = await scope.ServiceProvider.GetRequiredService<IQualityAssessmentReport>().JudgementsAsync(w.TenderId, CancellationToken.None);
        var text = UnsuccessfulLetterDispatch.Build(tender, "Zorgcoöperatie Lunetten", judgements, reason, letter.UploadedAtUtc).PlainText();
        Assert.Contains(reason, text);
        Assert.Contains("Consensus: Motivering implementation-plan", text);
        Assert.Contains("Onvoldoende", text);
        Assert.Equal(4, judgements.Count);
    }
}
