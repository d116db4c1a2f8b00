using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Questions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

public sealed class AskerAnonymityTests : IDisposable
{
    private const string Rephrased = "Mag de capaciteit van combinatiepartners bij de ervaringseisen worden opgeteld?";
    private const string Answer = "Ja. De capaciteit en ervaring van alle leden van een combinatie mogen bij elkaar worden opgeteld.";

    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task The_asker_is_in_no_published_answer_page_api_response_or_nota_van_inlichtingen()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        var question = await QaWorld.AskAsync(asker, world.Tender,
            $"Wij als {QaWorld.AskerOrganisation} willen weten: mogen wij de capaciteit van onze combinatiepartners optellen?",
            // The section a candidate refers to is its own free text too, so it can give the asker away as well.
            $"Bijlage, samenwerkingsvormen (vraag van {QaWorld.AskerOrganisation})");
        await world.AnswerAndPublishAsync(question, Answer, Rephrased);
        Assert.True((await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).IsSuccessStatusCode);

        var other = await world.OtherBidderAsync();
        var anonymous = _app.CreateClient();
        var seen = new Dictionary<string, string>
        {
            ["answers API"] = await (await other.GetAsync($"/api/tenders/{world.Tender}/answers")).Content.ReadAsStringAsync(),
            ["questions API (other bidder)"] = await (await other.GetAsync($"/api/tenders/{world.Tender}/questions")).Content.ReadAsStringAsync(),
            ["nvi API"] = await (await other.GetAsync($"/api/tenders/{world.Tender}/nvi")).Content.ReadAsStringAsync(),
            ["question page"] = await (await other.GetAsync($"/tenders/{world.Tender}/vragen")).Content.ReadAsStringAsync(),
            ["tender page"] = await (await other.GetAsync($"/tenders/{world.Tender}")).Content.ReadAsStringAsync(),
            ["public page"] = await (await anonymous.GetAsync($"/openbaar/{world.Reference}")).Content.ReadAsStringAsync(),
            ["nota van inlichtingen"] = await NoteTextAsync(world.Tender),
        };

        foreach (var (where, text) in seen.Where(s => s.Key != "questions API (other bidder)" && s.Key != "nvi API"))
        {
            Assert.True(text.Contains("combinatiepartners bij de ervaringseisen", StringComparison.Ordinal), $"{where} does not show the published question");
        }
        foreach (var (where, text) in seen)
        {
            Assert.False(text.Contains("Zorgplus", StringComparison.OrdinalIgnoreCase), $"{where} names the asker's organisation");
            Assert.False(text.Contains(QaWorld.AskerUser, StringComparison.OrdinalIgnoreCase), $"{where} names the asking user");
            Assert.False(text.Contains("Wij als", StringComparison.Ordinal), $"{where} shows the original (not anonymised) wording");
            Assert.False(text.Contains(world.AskerOrganisationId.ToString(), StringComparison.OrdinalIgnoreCase), $"{where} carries the asker's organisation id");
        }

        // Nor Admin, who runs the platform but has no part in answering.
        var admin = _app.ClientAs("adam.beheer", "Admin");
        foreach (var url in new[]
                 {
                     $"/api/tenders/{world.Tender}/questions", $"/tenders/{world.Tender}/vragen", $"/tenders/{world.Tender}",
                     $"/api/tenders/{world.Tender}/audit", $"/api/tenders/{world.Tender}/legal/timeline", $"/tenders/{world.Tender}/juridisch",
                 })
        {
            var text = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.False(text.Contains("Zorgplus", StringComparison.OrdinalIgnoreCase) || text.Contains("Wij als", StringComparison.Ordinal), $"Admin reads the asker at {url}");
        }

        // The control: Procurement does see who asked.
        var queue = await (await world.Procurement.GetAsync($"/tenders/{world.Tender}/vragen")).Content.ReadAsStringAsync();
        Assert.Contains(QaWorld.AskerOrganisation, queue);
    }

    [Fact]
    public async Task A_colleague_correcting_only_the_answer_keeps_the_anonymised_question()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender,
            $"Wij als {QaWorld.AskerOrganisation} willen weten: mogen wij de capaciteit van onze combinatiepartners optellen?");
        var url = $"/api/tenders/{world.Tender}/questions/{question}/answer";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, new { answer = Answer, publishedText = Rephrased })).IsSuccessStatusCode);

        Assert.True((await world.Procurement.PutAsJsonAsync(url, new { answer = Answer + " Zie ook paragraaf 4.2." })).IsSuccessStatusCode);
        Assert.True((await QaWorld.PublishAsync(world.Procurement, world.Tender, question)).IsSuccessStatusCode);

        var published = Assert.Single(await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/answers"))!;
        Assert.Equal(Rephrased, published["question"]!.GetValue<string>());
        Assert.EndsWith("Zie ook paragraaf 4.2.", published["answer"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_answer_on_the_portal_keeps_what_was_typed_on_its_own_question()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        var first = await QaWorld.AskAsync(asker, world.Tender, "Eerste vraag over de wachtlijst");
        await QaWorld.AskAsync(asker, world.Tender, "Tweede vraag over het vervoer");
        var typed = "Ja, dat mag.\u200B Zie paragraaf 3.";

        var (response, html) = await Portal.PortalForms.PostAsync(world.Procurement, $"/tenders/{world.Tender}/vragen?handler=Answer",
            new Dictionary<string, string> { ["questionId"] = first, ["answer"] = typed, ["publishedText"] = Rephrased });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var decoded = System.Net.WebUtility.HtmlDecode(html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(decoded, "Zie paragraaf 3\\.</textarea>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(decoded, System.Text.RegularExpressions.Regex.Escape(Rephrased) + "</textarea>"));
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"page-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_as_a_browser_sends_them_count_once_against_the_length_of_a_question()
    {
        var world = await new QaWorld(_app).StartAsync();
        // 4,000 characters as the text area counted them; 4,039 as sent with CRLF line breaks.
        var text = string.Concat(Enumerable.Repeat(new string('v', 99) + "\r\n", 39)) + new string('v', 100);
        Assert.Equal(4_000, text.Replace("\r\n", "\n", StringComparison.Ordinal).Length);

        var response = await (await world.AskerAsync()).PostAsJsonAsync($"/api/tenders/{world.Tender}/questions", new { text });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> NoteTextAsync(string tenderId)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync(t => t.Id == Guid.Parse(tenderId));
        var note = await db.InformationNotes.SingleAsync(n => n.TenderId == tender.Id);
        var questions = await db.Questions.Where(q => q.InformationNoteId == note.Id).OrderBy(q => q.NumberInNote).ToListAsync();
        return InformationNotes.Report(tender, note.Number, questions, note.PublishedAtUtc).PlainText();
    }

    public void Dispose() => _app.Dispose();
}
