using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Evaluation.EvaluationWorld;

namespace TenderFlow.Web.Tests.Evaluation;

/// <summary>The evaluation pages with real applications, from the wrong side (the matrix only sees an empty tender).</summary>
public sealed class EvaluationPageAccessTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient NoRedirect(HttpClient signedIn)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static bool Refused(HttpResponseMessage r) => r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal));

    [Fact]
    public async Task Bidders_Procurement_and_other_evaluators_cannot_open_the_evaluators_pages_of_a_real_application()
    {
        var w = await CreateAsync(_app);
        await w.DeclareAllAsync();
        var assess = $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}";
        var consensus = $"/tenders/{w.Tender}/beoordeling/consensus/{w.A.ApplicationId}";
        var decision = $"/tenders/{w.Tender}/beoordeling/besluit";

        foreach (var (who, client) in new[] { ("bidder A", w.BidderOf(w.A)), ("procurement", _app.Procurement()), ("legal", _app.Legal()), ("unassigned evaluator", w.Evaluator(Outsider)) })
        {
            Assert.True(Refused(await NoRedirect(client).GetAsync(assess)), $"{who} opened the assessment page");
            Assert.True(Refused(await NoRedirect(client).GetAsync(consensus)), $"{who} opened the consensus page");
        }
        Assert.True(Refused(await NoRedirect(w.Evaluator(Second)).GetAsync(consensus)), "a member who is not the chair opened the consensus page");
        Assert.True(Refused(await NoRedirect(w.Evaluator(Chair)).GetAsync(decision)), "an evaluator opened the decision page");
        Assert.True(Refused(await NoRedirect(w.BidderOf(w.B)).GetAsync(decision)), "a bidder opened the decision page");
        Assert.Equal(HttpStatusCode.OK, (await NoRedirect(w.Evaluator(Second)).GetAsync(assess)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NoRedirect(w.Evaluator(Chair)).GetAsync(consensus)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NoRedirect(_app.Legal()).GetAsync(decision)).StatusCode);
    }
}
