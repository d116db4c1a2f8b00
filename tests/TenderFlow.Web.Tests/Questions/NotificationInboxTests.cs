using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

public sealed class NotificationInboxTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    private async Task<QaWorld> WorldWithNoteAsync()
    {
        var world = await new QaWorld(_app).StartAsync();
        await world.AnswerAndPublishAsync(await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Vraag over sociale return"), "Antwoord over sociale return");
        Assert.True((await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).IsSuccessStatusCode);
        return world;
    }

    [Fact]
    public async Task Publishing_a_note_notifies_every_candidate_organisation_and_nobody_else()
    {
        var world = await WorldWithNoteAsync();
        var outsiderOrg = await _app.OrganisationAsync("Niet betrokken BV", "12121212");
        var outsider = await _app.Users.ClientAsync("nina.niet", outsiderOrg, "Bidder");

        foreach (var candidate in new[] { await world.AskerAsync(), await world.OtherBidderAsync() })
        {
            var inbox = await candidate.GetArrayAsync("/api/notifications");
            var note = Assert.Single(inbox)!;
            Assert.Equal("qa.nvi.published", note["kind"]!.GetValue<string>());
            Assert.True(note["unread"]!.GetValue<bool>());
            Assert.Contains("1", note["text"]!.GetValue<string>());
            Assert.Equal($"/tenders/{world.Tender}/vragen", note["link"]!.GetValue<string>());
        }
        Assert.Empty(await outsider.GetArrayAsync("/api/notifications"));
        Assert.Empty(await world.Procurement.GetArrayAsync("/api/notifications"));
    }

    [Fact]
    public async Task A_note_also_reaches_an_organisation_still_drafting_its_application_that_asked_nothing()
    {
        var world = await new QaWorld(_app).StartAsync();
        var draftingOrg = await _app.OrganisationAsync("Wijkteam West", "34343434");
        var drafting = await _app.Users.ClientAsync("wim.west", draftingOrg, "Bidder");
        var created = await drafting.PostAsJsonAsync($"/api/tenders/{world.Tender}/applications", new { });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        await world.AnswerAndPublishAsync(await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Vraag over sociale return"), "Antwoord over sociale return");
        Assert.True((await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).IsSuccessStatusCode);

        var note = Assert.Single(await drafting.GetArrayAsync("/api/notifications"))!;
        Assert.Equal("qa.nvi.published", note["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_header_shows_the_unread_count_until_the_notification_is_read()
    {
        var world = await WorldWithNoteAsync();
        var other = await world.OtherBidderAsync();

        var page = await (await other.GetAsync("/meldingen")).Content.ReadAsStringAsync();
        Assert.Contains("Meldingen (1 ongelezen)", page);
        Assert.Contains("Nota van inlichtingen 1 voor", page);

        var id = (await other.GetArrayAsync("/api/notifications"))[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);

        var after = await (await other.GetAsync($"/tenders/{world.Tender}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("ongelezen)", after);
        Assert.Contains(">Meldingen</a>", after);
        Assert.False((await other.GetArrayAsync("/api/notifications"))[0]!["unread"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Nobody_can_mark_another_persons_notification()
    {
        var world = await WorldWithNoteAsync();
        var id = (await (await world.AskerAsync()).GetArrayAsync("/api/notifications"))[0]!["id"]!.GetValue<string>();

        var response = await (await world.OtherBidderAsync()).PostAsync($"/api/notifications/{id}/read", null);

        Assert.Equal("NotificationNotFoundRule", (await response.ProblemAsync(404))["rule"]!.GetValue<string>());
        Assert.True((await (await world.AskerAsync()).GetArrayAsync("/api/notifications"))[0]!["unread"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Mark_all_read_empties_only_the_callers_unread_list()
    {
        var world = await WorldWithNoteAsync();
        var asker = await world.AskerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await asker.PostAsync("/api/notifications/read", null)).StatusCode);

        Assert.All(await asker.GetArrayAsync("/api/notifications"), n => Assert.False(n!["unread"]!.GetValue<bool>()));
        Assert.True((await (await world.OtherBidderAsync()).GetArrayAsync("/api/notifications"))[0]!["unread"]!.GetValue<bool>());
    }

    public void Dispose() => _app.Dispose();
}
