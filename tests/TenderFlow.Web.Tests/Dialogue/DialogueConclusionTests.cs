using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Dialogue;

public sealed class DialogueConclusionTests(DialogueFixture f) : IClassFixture<DialogueFixture>
{
    private static async Task<string> RuleAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["rule"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task The_dialogue_concludes_only_when_every_theme_is_closed_or_waived_with_a_reason()
    {
        var procurement = f.App.Procurement();
        var themes = await procurement.GetArrayAsync($"{f.Api}/themes");
        var first = themes[0]!["id"]!.GetValue<string>();

        var refused = await procurement.FireAsync(f.World.Tender, "concludeDialogue");
        var problem = await refused.ProblemAsync(409);
        Assert.Contains(problem["unmetGuards"]!.AsArray(), g => g!["guard"]!.GetValue<string>() == "dialogue.allThemesSettled");

        // Only Procurement changes status; a waiver needs a reason, an agreement its outcome, closing an agreement first.
        Assert.Equal(HttpStatusCode.Forbidden, (await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "waived", reason = "Niet nodig" })).StatusCode);
        Assert.Equal("DialogueWaiverReasonRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "waived" })));
        Assert.Equal("DialogueWaiverReasonRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "waived", reason = "  " })));
        Assert.Equal("DialogueAgreedOutcomeRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "agreed" })));
        Assert.Equal("DialogueThemeTransitionRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "closed" })));
        Assert.Equal("DialogueThemeStatusRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "2" })));
        Assert.Equal("open", (await procurement.GetJsonAsync($"{f.Api}/themes/{first}"))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status",
            new { status = "agreed", agreedOutcome = "Gemeente en opdrachtnemer werken vanuit één gedeeld ondersteuningsplan." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "closed" })).StatusCode);
        // Closed is read-only until Procurement reopens it with a reason.
        Assert.Equal("DialogueThemeSettledRule", await RuleAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{first}/messages", new { text = "Nog één punt" })));
        Assert.Equal("DialogueReopenReasonRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "open" })));
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "open", reason = "Nieuwe informatie over de wachtlijsten" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{first}/messages", new { text = "Nog één punt" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "agreed", agreedOutcome = "Eén gedeeld plan." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/status", new { status = "closed" })).StatusCode);

        foreach (var theme in themes.Skip(1))
        {
            var response = await procurement.PostAsJsonAsync($"{f.Api}/themes/{theme!["id"]!.GetValue<string>()}/status", new { status = "waived", reason = "Behandeld binnen een ander thema" });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        Assert.NotEmpty(await f.AuditAsync("dialogue.theme.waived"));
        Assert.NotEmpty(await f.AuditAsync("dialogue.theme.open"));
        var concluded = await procurement.FireAsync(f.World.Tender, "concludeDialogue");
        Assert.True(concluded.StatusCode == HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        Assert.Equal("specification", await f.World.PhaseAsync());

        // In the specification phase the themes are still read, but no meetings are held.
        Assert.Equal(HttpStatusCode.OK, (await f.World.ParticipantClient().GetAsync($"{f.Api}/themes/{first}")).StatusCode);
        Assert.Equal("DialoguePhaseRule", await RuleAsync(await procurement.PostAsJsonAsync($"{f.Api}/themes/{first}/meetings",
            new { startsAt = new DateTimeOffset(2027, 8, 1, 10, 0, 0, TimeSpan.FromHours(2)), location = "Online", agenda = "x" })));
    }
}
