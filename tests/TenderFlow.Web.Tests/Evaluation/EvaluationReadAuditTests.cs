using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;

namespace TenderFlow.Web.Tests.Evaluation;

/// <summary>
/// Evaluators' scores, the ranking and the quality judgements are confidential content: each read of them is an audit
/// event, so Legal can answer "who saw the scores, and when" as for documents and the dialogue.
/// </summary>
public sealed class EvaluationReadAuditTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<List<(string Action, string Role)>> ReadsAsync(string tender) =>
        (await _app.Legal().GetArrayAsync($"/api/tenders/{tender}/audit"))
        .Select(e => (e!["action"]!.GetValue<string>(), e["actorRole"]!.GetValue<string>()))
        .Where(e => e.Item1 is "evaluation.scores.read" or "evaluation.ranking.read" or "assessment.read").ToList();

    [Fact]
    public async Task Reading_individual_scores_and_the_ranking_is_audited_a_refused_read_is_not()
    {
        var w = await EvaluationWorld.CreateAsync(_app);
        await w.AssessAllAsync();
        var scores = $"{w.Api}/applications/{w.A.ApplicationId}/scores";

        Assert.Equal(HttpStatusCode.OK, (await _app.Legal().GetAsync(scores)).StatusCode);
        await w.RankingAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await w.BidderOf(w.A).GetAsync(scores)).StatusCode);

        var reads = await ReadsAsync(w.Tender);
        Assert.Contains(("evaluation.scores.read", "Legal"), reads);
        Assert.Contains(("evaluation.ranking.read", "Procurement"), reads);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task Reading_the_quality_judgements_is_audited()
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        await w.FillAsync();
        await w.SubmitAsync();
        await w.CloseAndOpenAsync();
        await SubmissionWorld.Ok(w.Chair().PostAsJsonAsync($"{w.AssessmentApi}/judgements", SubmissionWorld.Sheet()), HttpStatusCode.NoContent);
        Assert.Empty(await ReadsAsync(w.Tender));

        Assert.NotNull((await w.Legal().GetJsonAsync(w.AssessmentApi))["judgements"]);

        Assert.Contains(("assessment.read", "Legal"), await ReadsAsync(w.Tender));
    }
}
