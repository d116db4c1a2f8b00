using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

/// <summary>Candidates apply with the same answers in hand: applications do not close while a question waits for its nota van inlichtingen.</summary>
public sealed class QuestionsBeforeApplicationsCloseTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Applications_stay_open_for_a_question_without_a_nota_and_Procurement_is_told_why()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Mag de capaciteit van onderaannemers meetellen?");
        var tender = Guid.Parse(world.Tender);
        _app.Clock.SetUtcNow(TenderFlowFactory.Start.AddDays(30).AddMinutes(1));

        await _app.RunDueDeadlineJobsAsync();

        Assert.Equal("publication", _app.Phase(tender));
        var refused = Assert.Single(_app.Events(tender, "deadline.trigger.refused"));
        Assert.Contains("nota van inlichtingen", refused.PayloadJson, StringComparison.Ordinal);
        // Signed in afresh: a token lasts an hour of the (moved) clock.
        var procurement = _app.Procurement();
        // The phase waits, the documents do not: candidates applied on them as they stood.
        var upload = await procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf("Gewijzigde nota"), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide" }));
        Assert.Equal("PublicationDocumentsClosedRule", (await upload.ProblemAsync(409))["rule"]!.GetValue<string>());
        Assert.Contains(await procurement.GetArrayAsync("/api/notifications"),
            n => n!["kind"]!.GetValue<string>() == "deadline.escalated" && n["text"]!.GetValue<string>().Contains("nota van inlichtingen", StringComparison.Ordinal));

        Assert.True((await procurement.PutAsJsonAsync($"/api/tenders/{world.Tender}/questions/{question}/answer", new { answer = "Ja, binnen de grenzen van de leidraad." })).IsSuccessStatusCode);
        Assert.True((await QaWorld.PublishAsync(procurement, world.Tender, question)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await procurement.FireAsync(world.Tender, "closeApplications")).StatusCode);
        Assert.True((await procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(world.Tender, "closeApplications")).StatusCode);
        Assert.Equal("selection", _app.Phase(tender));
    }
}
