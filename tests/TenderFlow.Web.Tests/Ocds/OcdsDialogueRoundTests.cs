using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>
/// Rejected candidates know who the participant is (their selection letter names it), so open data must not show that its
/// tender was judged insufficient: a return to the dialogue leaves the theme milestones as the conclusion left them.
/// </summary>
public sealed class OcdsDialogueRoundTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_return_to_the_dialogue_after_an_insufficient_assessment_does_not_show_in_open_data()
    {
        var w = await SubmissionWorld.AfterAConcludedDialogueAsync(_app);
        Assert.Equal(HttpStatusCode.OK, (await w.Procurement().PostAsync($"/api/tenders/{w.Tender}/announce", null)).StatusCode);
        var concluded = Milestones(await LatestAsync(w));
        Assert.NotEmpty(concluded);
        Assert.All(concluded, m => Assert.Equal("met", m["status"]!.GetValue<string>()));

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await w.ReturnToDialogueAfterAnInsufficientRoundAsync();

        var releases = await ReleasesAsync(w);
        Assert.Equal(concluded.Select(m => m.ToJsonString()), Milestones(releases[^1]).Select(m => m.ToJsonString()));
        // Nor by a release of its own: a release dated at the return would tell as much.
        var returned = Assert.Single(_app.Events(w.TenderId, "tender.trigger.fired"), e => e.Payload()["trigger"]!.GetValue<string>() == "returnToDialogue");
        Assert.DoesNotContain(releases, r => r["id"]!.GetValue<string>().EndsWith($"-{returned.Sequence}", StringComparison.Ordinal));
        Assert.Contains(releases, r => r["id"]!.GetValue<string>().StartsWith($"{r["ocid"]!.GetValue<string>()}-tenderUpdate-", StringComparison.Ordinal));
    }

    private async Task<JsonObject> LatestAsync(SubmissionWorld w) => (await ReleasesAsync(w))[^1];

    private async Task<List<JsonObject>> ReleasesAsync(SubmissionWorld w)
    {
        var package = (await _app.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tenders/{w.Tender}/ocds"))!;
        return package["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    private static List<JsonObject> Milestones(JsonObject release) =>
        release["tender"]?["milestones"]?.AsArray().Select(m => m!.AsObject()).ToList() ?? [];
}
