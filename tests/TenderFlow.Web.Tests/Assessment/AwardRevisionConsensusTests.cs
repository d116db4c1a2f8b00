using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Award;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Award;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Assessment;

/// <summary>An objection upheld against the quality assessment is put right: revising the award reopens the committee's consensus.</summary>
public sealed class AwardRevisionConsensusTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Revising_the_award_supersedes_the_consensus_so_the_chair_records_a_corrected_one_that_the_new_letter_carries()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        await w.SubmitAsync();
        await w.CloseAndOpenAsync();
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Chair: ")), HttpStatusCode.NoContent);
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(prefix: "Second: ")), HttpStatusCode.NoContent);
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(prefix: "Consensus: ")), HttpStatusCode.NoContent);
        // Until the award is revised the consensus stays final.
        Assert.Equal("QualityConsensusFinalRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(prefix: "Herzien: ")), 409));

        var announced = await w.Procurement().AnnounceAwardAsync(w.Dialogue);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync());
        var objection = await (await w.Participant().ObjectAsync(w.Dialogue, "award", "De motivering bij het budgetplan klopt niet.")).FiledAsync();
        await Ok(w.Legal().AdviseAsync(w.Dialogue, objection, uphold: true, "De motivering bij het budgetplan is onjuist."), HttpStatusCode.NoContent);
        await Ok(w.Procurement().ResolveAsync(w.Dialogue, objection, upheld: true, "Gegrond; de commissie herstelt de motivering."), HttpStatusCode.NoContent);

        var revised = await w.Procurement().FireAsync(w.Tender, "reviseAward", "Bezwaar gegrond: motivering budgetplan herstellen");
        Assert.True(revised.StatusCode == HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        Assert.Equal("assessment", await w.Dialogue.PhaseAsync());

        // The superseded consensus no longer decides: no verdict, so no award until the chair has settled again.
        Assert.Contains("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));
        var reopened = await w.Procurement().GetJsonAsync(w.AssessmentApi);
        Assert.NotEqual("Sufficient", reopened["verdict"]!.GetValue<string>());
        Assert.DoesNotContain("Consensus: ", reopened["consensus"]!.ToJsonString());
        var chairView = await w.Chair().GetJsonAsync(w.AssessmentApi);
        Assert.True(chairView["mayRecordConsensus"]!.GetValue<bool>());

        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(prefix: "Herzien: ")), HttpStatusCode.NoContent);
        Assert.Equal("QualityConsensusFinalRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(prefix: "Nogmaals: ")), 409));
        Assert.Equal("Sufficient", (await w.Procurement().GetJsonAsync(w.AssessmentApi))["verdict"]!.GetValue<string>());
        var again = await w.Procurement().AnnounceAwardAsync(w.Dialogue, AwardTestSteps.Reasons + " Motivering hersteld na bezwaar.");
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());

        var view = (await w.Legal().GetJsonAsync(w.AssessmentApi))["consensus"]!.ToJsonString();
        Assert.Contains("Herzien: Motivering budget-plan", view);
        Assert.DoesNotContain("Consensus: ", view);

        // The new letter is built from the current consensus only; the first stays on record with the superseded rows.
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var judgements = await scope.ServiceProvider.GetRequiredService<IQualityAssessmentReport>().JudgementsAsync(w.TenderId, CancellationToken.None);
        Assert.Equal(4, judgements.Count);
        Assert.Equal("Herzien: Motivering budget-plan", judgements.Single(j => j.Key == "budget-plan").Motivation);
        var tender = await db.Tenders.SingleAsync(t => t.Id == w.TenderId);
        var text = AwardLetterBuilder.Build(new AwardLetterContent(tender, "Zorgcoöperatie Lunetten", [], "r", judgements, DateTime.UtcNow, DateTime.UtcNow), "nl").PlainText();
        Assert.Contains("Herzien: Motivering budget-plan", text);
        Assert.DoesNotContain("Consensus: ", text);
        Assert.Equal(4, await db.QualityConsensus.IgnoreQueryFilters().CountAsync(c => c.TenderId == w.TenderId && c.SupersededAtUtc != null));
        Assert.Equal(8, await db.QualityJudgements.CountAsync(j => j.TenderId == w.TenderId));

        var audit = await w.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "assessment.consensus.superseded");
        var announcedCriteria = audit.Where(e => e!["action"]!.GetValue<string>() == "award.decision.announced").ToList();
        Assert.Equal(2, announcedCriteria.Count);
    }
}
