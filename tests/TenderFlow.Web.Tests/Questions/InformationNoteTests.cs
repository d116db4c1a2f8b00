using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

public sealed class InformationNoteTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task Notes_are_numbered_1_and_2_each_holding_only_the_answers_published_since_the_previous_one()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        var first = await QaWorld.AskAsync(asker, world.Tender, "Vraag over trajectregie");
        var second = await QaWorld.AskAsync(asker, world.Tender, "Vraag over ervaringsdeskundigheid");
        await world.AnswerAndPublishAsync(first, "Antwoord over trajectregie");
        await world.AnswerAndPublishAsync(second, "Antwoord over ervaringsdeskundigheid");

        var note1 = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null);
        Assert.Equal(HttpStatusCode.Created, note1.StatusCode);
        var empty = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null);
        Assert.Equal("NothingToCompileRule", (await empty.ProblemAsync(409))["rule"]!.GetValue<string>());

        var third = await QaWorld.AskAsync(asker, world.Tender, "Vraag over monitoring");
        await world.AnswerAndPublishAsync(third, "Antwoord over monitoring");
        Assert.Equal(HttpStatusCode.Created, (await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).StatusCode);

        var notes = await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/nvi");
        Assert.Equal([1, 2], notes.Select(n => n!["number"]!.GetValue<int>()));
        Assert.Equal([2, 1], notes.Select(n => n!["questionCount"]!.GetValue<int>()));
        var answers = await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/answers");
        Assert.Equal(["1.1", "1.2", "2.1"], answers.Select(a => $"{a!["noteNumber"]}.{a["numberInNote"]}"));
    }

    [Fact]
    public async Task Concurrent_compilations_leave_no_gap_and_no_duplicate_number()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        for (var i = 1; i <= 3; i++)
        {
            await world.AnswerAndPublishAsync(await QaWorld.AskAsync(asker, world.Tender, $"Vraag {i}"), $"Antwoord {i}");
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.Procurement().PostAsync($"/api/tenders/{world.Tender}/nvi", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var note = await db.InformationNotes.SingleAsync();
        Assert.Equal(1, note.Number);
        var numbers = await db.Questions.Select(q => q.NumberInNote).ToListAsync();
        Assert.Equal([1, 2, 3], numbers.Order());
    }

    [Fact]
    public async Task The_note_is_a_pdf_for_every_candidate_and_the_public_of_an_announced_tender()
    {
        var world = await new QaWorld(_app).StartAsync();
        await world.AnswerAndPublishAsync(await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Vraag over bekostiging"), "Taakgerichte bekostiging.");
        var note = (await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null));
        var url = System.Text.Json.Nodes.JsonNode.Parse(await note.Content.ReadAsStringAsync())!["downloadUrl"]!.GetValue<string>();

        foreach (var reader in new[] { await world.OtherBidderAsync(), _app.CreateClient() })
        {
            var download = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..4]));
        }
    }

    [Fact]
    public async Task The_note_of_a_tender_that_is_not_announced_is_not_for_the_public_or_outsiders()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false, announce: false);
        await world.PublishAsync();
        // Not announced: only participants and staff see the tender; Buurtzorg Oost participates, Zorgplus does not.
        await _app.ParticipateAsync(world.Tender, world.AskerOrganisationId);
        await world.AnswerAndPublishAsync(await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Besloten vraag"), "Besloten antwoord");
        var note = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null);
        var url = System.Text.Json.Nodes.JsonNode.Parse(await note.Content.ReadAsStringAsync())!["downloadUrl"]!.GetValue<string>();
        var outsiderOrg = await _app.OrganisationAsync("Buitenstaander BV", "99887766");
        var outsider = await _app.Users.ClientAsync("otto.buiten", outsiderOrg, "Bidder");

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await world.OtherBidderAsync()).GetAsync(url)).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
