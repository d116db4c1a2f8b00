using System.Net;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Public;

public sealed class PublicTenderPageTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task The_public_page_exists_only_once_the_tender_is_announced()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(reference: "UTR-PUB-1", deadlines: new { publication = "2027-04-01T08:00:00Z" });
        var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/openbaar/UTR-PUB-1")).StatusCode);

        Assert.True((await procurement.PostAsync($"/api/tenders/{tender.Id()}/announce", null)).IsSuccessStatusCode);
        var page = await anonymous.GetAsync("/openbaar/UTR-PUB-1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Specialistische begeleiding Wmo 2027", html);
        Assert.Contains("2027-04-01T08:00:00", html);
    }

    public void Dispose() => _app.Dispose();
}
