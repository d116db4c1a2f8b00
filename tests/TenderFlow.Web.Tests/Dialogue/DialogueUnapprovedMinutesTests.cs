using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Notifications;

namespace TenderFlow.Web.Tests.Dialogue;

/// <summary>Its own dialogue: this test concludes it.</summary>
public sealed class DialogueUnapprovedMinutesTests(DialogueFixture f) : IClassFixture<DialogueFixture>
{
    [Fact]
    public async Task Minutes_the_participant_never_approves_do_not_block_the_end_of_the_dialogue()
    {
        var procurement = f.App.Procurement();
        var participant = f.World.ParticipantClient();
        var themes = (await procurement.GetArrayAsync($"{f.Api}/themes")).Select(t => t!["id"]!.GetValue<string>()).ToList();
        var (waived, closed) = (themes[0], themes[1]);

        // Procurement uploads minutes on two themes; the participant never approves them.
        var waivedMeeting = await f.MeetingAsync(procurement, waived);
        var waivedMinutes = await f.MinutesAsync(procurement, waivedMeeting);
        var closedMeeting = await f.MeetingAsync(procurement, closed);
        var closedMinutes = await f.MinutesAsync(procurement, closedMeeting);
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{closed}/status",
            new { status = "agreed", agreedOutcome = "Eén gedeeld ondersteuningsplan per cliënt." })).StatusCode);

        // Settling without a word about the pending minutes is still refused, and says what to do.
        var silent = await procurement.PostAsJsonAsync($"{f.Api}/themes/{closed}/status", new { status = "closed" });
        Assert.Equal(HttpStatusCode.Conflict, silent.StatusCode);
        var problem = JsonNode.Parse(await silent.Content.ReadAsStringAsync())!;
        Assert.Equal("DialogueMinutesAwaitingApprovalRule", problem["rule"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]?["reason"]);

        // The way out: a reason, recorded with the minutes that stay unapproved.
        const string waiverReason = "De deelnemer keurt het verslag niet goed; het thema valt buiten de opdracht.";
        var waive = await procurement.PostAsJsonAsync($"{f.Api}/themes/{waived}/status", new { status = "waived", reason = waiverReason });
        Assert.True(waive.StatusCode == HttpStatusCode.NoContent, await waive.Content.ReadAsStringAsync());
        const string closeReason = "Het verslag is na drie verzoeken niet goedgekeurd; de afspraak staat in de berichten.";
        var close = await procurement.PostAsJsonAsync($"{f.Api}/themes/{closed}/status", new { status = "closed", reason = closeReason });
        Assert.True(close.StatusCode == HttpStatusCode.NoContent, await close.Content.ReadAsStringAsync());

        var waivedEvent = (await f.AuditAsync("dialogue.theme.waived")).Single(e => e["subject"]!.GetValue<string>() == $"dialogue-theme/{waived}");
        var unapproved = waivedEvent["payload"]!["unapprovedMinutes"]!.AsArray();
        Assert.Equal(waivedMeeting, Assert.Single(unapproved)!["meeting"]!.GetValue<string>());
        Assert.Equal(waivedMinutes, unapproved[0]!["document"]!.GetValue<string>());
        Assert.Equal(waiverReason, waivedEvent["payload"]!["reason"]!.GetValue<string>());
        var closedEvent = (await f.AuditAsync("dialogue.theme.closed")).Single(e => e["subject"]!.GetValue<string>() == $"dialogue-theme/{closed}");
        Assert.Equal(closedMinutes, Assert.Single(closedEvent["payload"]!["unapprovedMinutes"]!.AsArray())!["document"]!.GetValue<string>());
        Assert.Equal(closeReason, closedEvent["payload"]!["reason"]!.GetValue<string>());

        // The minutes stay visibly not approved, and the participant hears of it.
        var minutes = (await participant.GetJsonAsync($"{f.Api}/themes/{waived}"))["meetings"]!.AsArray().Single()!["minutes"]!;
        Assert.False(minutes["approved"]!.GetValue<bool>());
        var page = await participant.GetStringAsync($"/tenders/{f.World.Tender}/dialoog/{waived}");
        Assert.Contains("niet goedgekeurd", page, StringComparison.Ordinal);
        Assert.DoesNotContain("wacht op goedkeuring", page, StringComparison.Ordinal);
        var notices = await participant.GetArrayAsync("/api/notifications");
        var notice = notices.Single(n => n!["kind"]!.GetValue<string>() == "dialogue.theme.waived" && n["link"]!.GetValue<string>().EndsWith(waived, StringComparison.Ordinal))!;
        var stored = await f.App.NotificationAsync(notice["id"]!.GetValue<Guid>());
        Assert.Contains("niet goedgekeurd", stored!.TextNl, StringComparison.Ordinal);
        Assert.Contains("not approved", stored.TextEn, StringComparison.Ordinal);

        foreach (var theme in themes.Skip(2))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{theme}/status", new { status = "waived", reason = "Behandeld binnen een ander thema" })).StatusCode);
        }
        var concluded = await procurement.FireAsync(f.World.Tender, "concludeDialogue");
        Assert.True(concluded.StatusCode == HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        Assert.Equal("specification", await f.World.PhaseAsync());
    }
}
