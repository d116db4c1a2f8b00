using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Assessment;

/// <summary>
/// After an insufficient assessment and <c>returnToDialogue</c>, the second round's tender is sealed again until its own
/// deadline and its own four-eyes opening, and the first round's judgements do not decide it.
/// </summary>
public sealed class SecondSubmissionRoundTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static bool Refused(HttpStatusCode status) => status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized;

    [Fact]
    public async Task The_second_rounds_tender_stays_sealed_until_its_own_opening_and_is_judged_afresh()
    {
        var w = await CreateAsync(_app);
        await w.ReturnToDialogueAfterAnInsufficientRoundAsync();

        // The first round's tender is no longer in the vault: the participant submits anew in the second round.
        Assert.Equal("Draft", (await w.Participant().GetJsonAsync(w.Api))["status"]!.GetValue<string>());
        var told = await w.DbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == "submission.newRound").Select(n => n.TextNl).ToListAsync());
        Assert.NotEmpty(told);
        Assert.All(told, text => Assert.Contains("dien in de nieuwe ronde opnieuw in", text));
        var newRound = AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime.AddDays(60)).Date.AddHours(12);
        await Ok(w.Procurement().PutAsJsonAsync($"/api/tenders/{w.Tender}/deadlines/submissionClose", new
        {
            dueAt = newRound.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            reason = "Tweede inschrijvingsronde na de nieuwe dialoogronde",
            outage = false,
        }), HttpStatusCode.OK);
        await IntoSubmissionPhaseAsync(w);

        await Ok(w.Participant().PutAsJsonAsync($"{w.Api}/answers", Answers("Tweede ronde: overgang per wijk in vier golven.")), HttpStatusCode.NoContent);
        var firstRoundDocument = await w.DbAsync(db => db.Documents.AsNoTracking().Where(d => d.Kind == "submission.tender").Select(d => d.Id).SingleAsync());
        await w.UploadAsync(w.Participant(), "tender", TestFiles.Pdf("Inschrijving tweede ronde"));
        var receipt = await w.SubmitAsync();
        var document = receipt["documents"]!.AsArray().Single()!["documentId"]!.GetValue<string>();
        Assert.NotEqual(firstRoundDocument.ToString(), document);
        foreach (var (name, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = w.Procurement, ["Legal"] = w.Legal, ["Chair"] = w.Chair })
        {
            Assert.True((await client().GetJsonAsync(w.Api))["content"] is null, $"{name} read the second round's tender before its deadline");
            Assert.True(Refused((await client().GetAsync($"/api/documents/{document}")).StatusCode), $"{name} downloaded a document of the sealed second round");
        }

        // Its own deadline, its own four-eyes opening and proces-verbaal; then Procurement reads the second round's answers.
        await w.CloseAsync();
        Assert.Equal("SubmissionNotOpenedRule", await RuleAsync(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), 409));
        Assert.True((await w.Procurement().GetJsonAsync(w.Api))["content"] is null, "Procurement read the second round's tender before its opening");
        await w.OpenAsync();
        var view = await w.Procurement().GetJsonAsync(w.Api);
        Assert.Equal("Tweede ronde: overgang per wijk in vier golven.", view["content"]!["implementationPlan"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await w.Procurement().GetAsync($"/api/documents/{document}")).StatusCode);
        // The first round's document, replaced in this round, was submitted and opened: it stays readable as evidence.
        Assert.Equal(HttpStatusCode.OK, (await w.Legal().GetAsync($"/api/documents/{firstRoundDocument}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Procurement().GetAsync($"/api/documents/{firstRoundDocument}")).StatusCode);
        var audit = await w.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Equal(2, audit.Count(e => e!["action"]!.GetValue<string>() == "vault.opened"));
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "submission.round.superseded");
        // The decisions dossier shows both openings, the first as superseded, each with its own proces-verbaal.
        var decisions = (await w.Legal().GetJsonAsync($"/api/tenders/{w.Tender}/decisions"))["decisions"]!.AsArray();
        var first = decisions.Single(d => d!["key"]!.GetValue<string>() == "opening-submission")!;
        var second = decisions.Single(d => d!["key"]!.GetValue<string>() == "opening-submission-2")!;
        Assert.Equal("Superseded by a new round", first["status"]!["en"]!.GetValue<string>());
        Assert.Equal("Opened", second["status"]!["en"]!.GetValue<string>());
        Assert.NotEqual(first["documents"]!.AsArray()[0]!["id"]!.GetValue<string>(), second["documents"]!.AsArray()[0]!["id"]!.GetValue<string>());

        // The evaluators judge the second round's tender afresh; the first round's consensus no longer decides.
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), HttpStatusCode.NoContent);
        await Ok(w.SecondEvaluator().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet()), HttpStatusCode.NoContent);
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/consensus", Sheet(true, "Consensus: ")), HttpStatusCode.NoContent);
        Assert.DoesNotContain("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));
        Assert.Contains("assessment.qualityInsufficient", await w.UnmetGuardsAsync("returnToDialogue"));

        // Nothing of the first round is lost: its rows stay, marked superseded, beside the second round's.
        var (openings, judgements) = await w.DbAsync(async db => (
            await db.VaultOpenings.IgnoreQueryFilters().CountAsync(o => o.TenderId == w.TenderId && o.Vault == "submission"),
            await db.QualityJudgements.IgnoreQueryFilters().CountAsync(j => j.TenderId == w.TenderId && j.SupersededAtUtc != null)));
        Assert.Equal(2, openings);
        Assert.Equal(8, judgements);
    }

    /// <summary>The way back to submission (dialogue → specification → submission) needs Legal's approval, another feature's guard: set the phase directly, as SubmissionWorld does.</summary>
    private static Task IntoSubmissionPhaseAsync(SubmissionWorld w) => SetPhaseAsync(w, "submission");

    private static async Task SetPhaseAsync(SubmissionWorld w, string phase)
    {
        using var scope = w.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync(t => t.Id == w.TenderId);
        tender.Phase = phase;
        tender.PhaseEnteredAtUtc = w.App.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
