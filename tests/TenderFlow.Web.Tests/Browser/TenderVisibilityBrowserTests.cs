using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

public sealed class TenderVisibilityBrowserTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Fact]
    public async Task A_bidder_cannot_open_a_tender_that_is_not_public_by_its_url_nor_find_it_on_the_start_page()
    {
        var reference = "UTR-VERTROUWELIJK-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        const string title = "Verkenning beschermd wonen (nog niet aangekondigd)";
        using var procurement = await Portal.ApiClientAsync(DemoUsers.Procurement);
        var created = await procurement.PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference, title });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        Assert.Null(JsonNode.Parse(body)!["announcedAtUtc"]?.GetValue<DateTime?>());

        await Page.SignInAsync(DemoUsers.Bidder);
        await Expect(Page.DemoTenderLink()).ToBeVisibleAsync();
        await Expect(Page.Locator("main")).Not.ToContainTextAsync(reference);
        await Expect(Page.Locator("main")).Not.ToContainTextAsync(title);

        var response = await Page.GotoAsync($"/tenders/{id}");
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.DoesNotContain(title, await Page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(reference, await Page.ContentAsync(), StringComparison.Ordinal);

        var audit = await Page.GotoAsync($"/tenders/{id}/audit");
        Assert.Equal(404, audit!.Status);

        // The same address works for the buyer: the 404 is about who asks, not a wrong URL.
        var buyer = await Chromium.Browser.NewContextAsync(new() { BaseURL = Portal.BaseUrl.ToString() });
        try
        {
            var buyerPage = await buyer.NewPageAsync();
            await buyerPage.SignInAsync(DemoUsers.Procurement);
            var seen = await buyerPage.GotoAsync($"/tenders/{id}");
            Assert.Equal(200, seen!.Status);
            await Expect(buyerPage.Heading()).ToHaveTextAsync(title);
            await Expect(buyerPage.GetByRole(AriaRole.Button, new() { Name = "Openbaar aankondigen" })).ToBeVisibleAsync();
        }
        finally
        {
            await buyer.CloseAsync();
        }
    }
}
