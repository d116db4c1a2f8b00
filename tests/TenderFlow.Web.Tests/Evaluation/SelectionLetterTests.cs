using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Evaluation.EvaluationWorld;

namespace TenderFlow.Web.Tests.Evaluation;

public sealed class SelectionLetterTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<EvaluationWorld> AnnouncedAsync()
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{w.Api}/announce", new { })).StatusCode);
        return w;
    }

    private async Task<string> LetterTextAsync(EvaluationWorld w, Candidate candidate)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = db.Tenders.Single(t => t.Id == w.TenderId);
        var letter = await scope.ServiceProvider.GetRequiredService<SelectionDecisions>().LetterAsync(tender, candidate.ApplicationId, "nl", CancellationToken.None);
        return letter!.Value.Report!.PlainText();
    }

    private Guid LetterDocument(EvaluationWorld w, Candidate candidate) =>
        w.QueryAsync(db => db.SelectionLetters.Where(l => l.ApplicationId == candidate.ApplicationId).Select(l => l.DocumentId)).GetAwaiter().GetResult().Single();

    [Theory]
    [InlineData("nl", "72,50")]
    [InlineData("en", "72.50")]
    public void Points_are_written_in_the_readers_notation(string language, string expected) =>
        Assert.Equal(expected, TenderFlow.Web.Features.Evaluation.SelectionLetterBuilder.Points(72.495m, language));

    [Fact]
    public async Task A_rejected_candidates_letter_holds_its_own_and_the_selected_candidates_assessment_but_never_another_rejected_ones()
    {
        var w = await AnnouncedAsync();
        var b = await LetterTextAsync(w, w.B);
        Assert.Contains("Niet geselecteerd", b);
        Assert.Contains("Consensus B: sterke uitvoering in de wijken K1", b);
        Assert.Contains("Consensus A: heldere visie op de beweging K1", b);
        Assert.Contains("68,00", b);
        Assert.DoesNotContain("Consensus C", b);
        Assert.DoesNotContain("Careyn", b);
        // Individual evaluators' scores and names never reach a bidder.
        Assert.DoesNotContain("Eigen oordeel", b);
        Assert.DoesNotContain(Chair, b);

        var c = await LetterTextAsync(w, w.C);
        Assert.Contains("Consensus C: visie onvoldoende uitgewerkt K1", c);
        Assert.Contains("ongeschikt: onder de minimumscore op K1", c);
        Assert.Contains("Consensus A", c);
        Assert.DoesNotContain("Consensus B", c);
        Assert.DoesNotContain("Wijkkracht", c);

        var a = await LetterTextAsync(w, w.A);
        Assert.Contains("Geselecteerd", a);
        Assert.DoesNotContain("Consensus B", a);
        Assert.DoesNotContain("Consensus C", a);

        // The standstill end is the one the announce step planned, with how to object.
        var tender = await _app.Procurement().GetJsonAsync($"/api/tenders/{w.Tender}");
        var due = tender["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == "selectionStandstillEnd")!["dueAtUtc"]!.GetValue<DateTime>();
        Assert.Contains(AmsterdamTime.Format(due.ToUniversalTime()), b);
        Assert.Contains("bezwaar", b);
        Assert.True(due > _app.Clock.GetUtcNow().UtcDateTime.AddDays(19));
    }

    [Fact]
    public async Task A_letter_is_read_by_its_candidates_organisations_Procurement_and_Legal_only_and_each_read_is_audited()
    {
        var w = await AnnouncedAsync();
        var document = LetterDocument(w, w.B);
        var pdf = await w.BidderOf(w.B, 1).GetAsync($"/api/documents/{document}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.OK, (await w.BidderOf(w.B, 0).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Procurement().GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Legal().GetAsync($"/api/documents/{document}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await w.BidderOf(w.A).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.BidderOf(w.C).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Evaluator(Chair).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/documents/{document}")).StatusCode);

        // The letter page: own letter yes, another candidate's no.
        var page = WebUtility.HtmlDecode(await (await w.BidderOf(w.C).GetAsync($"/tenders/{w.Tender}/beoordeling/brief")).Content.ReadAsStringAsync());
        Assert.Contains("Consensus C: visie onvoldoende uitgewerkt", page);
        Assert.DoesNotContain("Consensus B", page);
        Assert.Equal(HttpStatusCode.NotFound, (await w.BidderOf(w.C).GetAsync($"/tenders/{w.Tender}/beoordeling/brief?applicationId={w.B.ApplicationId}")).StatusCode);
        var letters = await w.BidderOf(w.C).GetArrayAsync($"{w.Api}/letters");
        Assert.Equal(w.C.ApplicationId.ToString(), Assert.Single(letters)!["applicationId"]!.GetValue<string>());

        // A letter is no upload of the candidate: its application's receipts do not list it.
        var application = await w.BidderOf(w.C).GetJsonAsync($"/api/tenders/{w.Tender}/applications/{w.C.ApplicationId}");
        Assert.DoesNotContain(application["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "evaluation.letter");
        Assert.DoesNotContain("Document kind", await (await w.BidderOf(w.C).GetAsync($"/tenders/{w.Tender}/application")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Four downloads, and C's view of its letter on the page: showing the letter is reading it.
        var reads = (await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit")).Where(e => e!["action"]!.GetValue<string>() == "document.read").ToList();
        Assert.Equal(5, reads.Count);
    }

    [Fact]
    public async Task Every_user_of_each_candidates_member_organisations_is_notified_of_their_own_letter_and_the_announcement_is_audited()
    {
        var w = await AnnouncedAsync();
        var notifications = await w.QueryAsync(db => db.Notifications.Where(n => n.Kind == "evaluation.letter"));
        var users = await w.QueryAsync(db => db.Users.Select(u => new { u.Id, u.UserName }));
        string Name(string id) => users.Single(u => u.Id == id).UserName!;
        Assert.Equal(["bidder.a", "bidder.b1", "bidder.b2", "bidder.c"], notifications.Select(n => Name(n.UserId)).Order());
        var b2 = notifications.Single(n => Name(n.UserId) == "bidder.b2");
        Assert.Contains("niet geselecteerd", b2.TextNl);
        Assert.Contains(w.B.ApplicationId.ToString(), b2.Link);
        Assert.Contains("geselecteerd", notifications.Single(n => Name(n.UserId) == "bidder.a").TextNl);

        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var actions = audit.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(3, actions.Count(a => a == "evaluation.letter.sent"));
        Assert.Single(actions, a => a == "evaluation.selection.announced");
        Assert.True(actions.IndexOf("tender.trigger.fired", actions.IndexOf("evaluation.candidate.selected")) < actions.IndexOf("evaluation.selection.announced"));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("portal")]
    public async Task Announcing_through_the_generic_trigger_sends_the_letters_too(string route)
    {
        var w = await CreateAsync(_app);
        await w.AssessAllAsync();
        var procurement = _app.Procurement();
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{w.Api}/selection", new { applicationId = w.A.ApplicationId })).StatusCode);

        if (route == "api")
        {
            Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(w.Tender, "announceSelection")).StatusCode);
        }
        else
        {
            var buyer = await Portal.PortalForms.SignedInAsync(_app, "anna.inkoper", "Procurement");
            var (response, _) = await Portal.PortalForms.PostAsync(buyer, $"/tenders/{w.Tender}?handler=Fire", new Dictionary<string, string> { ["trigger"] = "announceSelection" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal("selectionStandstill", (await procurement.GetJsonAsync($"/api/tenders/{w.Tender}")).Phase());
        var letters = await w.QueryAsync(db => db.SelectionLetters.Where(l => l.TenderId == w.TenderId));
        Assert.Equal(3, letters.Count);
        Assert.Single(letters, l => l.Selected && l.ApplicationId == w.A.ApplicationId);
        Assert.Equal(4, (await w.QueryAsync(db => db.Notifications.Where(n => n.Kind == "evaluation.letter"))).Count);
    }
}
