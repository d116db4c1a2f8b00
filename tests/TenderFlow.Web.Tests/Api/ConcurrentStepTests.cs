using System.Net;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

public sealed class ConcurrentStepTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Two_conflicting_steps_on_one_tender_exactly_one_wins_the_other_gets_409()
    {
        var procurement = _app.Procurement();
        var colleague = _app.ClientAs("bram.inkoper", "Procurement");
        for (var round = 0; round < 8; round++)
        {
            var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
            _app.PassPublication();
            // Both saw revision 0 and act on it at the same moment.
            var responses = await Task.WhenAll(
                procurement.FireAsync(tender.Id(), "publish", expectedRevision: 0),
                colleague.FireAsync(tender.Id(), "cancel", "duplicate tender", expectedRevision: 0));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
            var after = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");
            Assert.Equal(1, after["revision"]!.GetValue<long>());
            var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
            Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "tender.trigger.fired");
        }
        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verify["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_step_fired_twice_at_once_happens_once()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
        _app.PassPublication();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => procurement.FireAsync(tender.Id(), "publish")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "tender.trigger.fired");
    }
}
