using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Audit;

/// <summary>
/// Procurement and Admin read the audit trail, but not the confidential text some events hold: an evaluator's judgement
/// (Procurement would see it before the consensus), the dialogue. Legal reads every payload. The event itself, its actor,
/// moment and hash stay visible to all of them.
/// </summary>
public sealed class ConfidentialPayloadTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static JsonNode Judged(JsonArray audit) => audit.Single(e => e!["action"]!.GetValue<string>() == "assessment.judgements.submitted")!;

    [Fact]
    public async Task An_evaluators_judgement_is_in_the_trail_for_Legal_only_in_every_view_and_search()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        await w.SubmitAsync();
        await w.CloseAndOpenAsync();
        await Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", Sheet(false, "Vertrouwelijk oordeel: ")), HttpStatusCode.NoContent);
        const string motivation = "Vertrouwelijk oordeel: Motivering implementation-plan";

        var legal = Judged(await w.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit"));
        Assert.Contains(motivation, legal["payload"]!.ToJsonString(), StringComparison.Ordinal);
        foreach (var (name, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = w.Procurement, ["Admin"] = w.Admin })
        {
            var seen = Judged(await client().GetArrayAsync($"/api/tenders/{w.Tender}/audit"));
            Assert.Equal(legal["hash"]!.GetValue<string>(), seen["hash"]!.GetValue<string>());
            Assert.DoesNotContain("Vertrouwelijk", seen["payload"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.NotNull(seen["payload"]!["withheld"]);

            var page = WebUtility.HtmlDecode(await (await client().GetAsync($"/tenders/{w.Tender}/audit")).Content.ReadAsStringAsync());
            Assert.True(page.Contains("assessment.judgements.submitted", StringComparison.Ordinal), $"{name}: the audit page lists no judgement event");
            Assert.False(page.Contains("Vertrouwelijk oordeel", StringComparison.Ordinal), $"{name} read a judgement on the audit page");

            var search = await client().GetJsonAsync($"/api/tenders/{w.Tender}/legal/timeline?q=Vertrouwelijk");
            Assert.True(search["matching"]!.GetValue<int>() == 0, $"{name} found a judgement by searching the timeline");
        }
        Assert.Equal(1, (await w.Legal().GetJsonAsync($"/api/tenders/{w.Tender}/legal/timeline?q=Vertrouwelijk"))["matching"]!.GetValue<int>());
        var events = await w.Admin().GetArrayAsync("/api/audit/events?action=assessment.judgements.submitted");
        Assert.DoesNotContain("Vertrouwelijk", events.ToJsonString(), StringComparison.Ordinal);
    }
}
