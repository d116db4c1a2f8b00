using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>The procurement lawyer opens the legal dossier of the demo tender, filters the timeline and visits "who saw what" and the planning picture; axe finds nothing on any of them.</summary>
public sealed class LegalWorkspaceBrowserTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Fact]
    public async Task Legal_filters_the_timeline_and_reads_who_saw_what_and_the_planning()
    {
        await StartSignedInAsync(DemoUsers.Legal);
        await Page.GetByRole(AriaRole.Link, new() { Name = DemoUsers.TenderTitle, Exact = true }).First.ClickAsync();
        await Page.Locator("#legal-dossier-link").ClickAsync();
        await Expect(Page.Heading()).ToContainTextAsync("Juridisch dossier");
        await Expect(Page.Locator("#timeline-count")).ToContainTextAsync("gebeurtenissen");
        await Page.AssertAccessibleAsync();

        await Page.GetByLabel("Fase").SelectOptionAsync(new SelectOptionValue { Label = "Marktconsultatie" });
        await Page.GetByLabel("Soort handeling").SelectOptionAsync("tender");
        await Page.Locator("#filter-submit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("phase=consultation"));
        await Expect(Page.Locator("#timeline-table tbody tr").First).ToContainTextAsync("tender.");
        await Expect(Page.Locator("#filter-phase")).ToHaveValueAsync("consultation");
        await Page.AssertAccessibleAsync();

        await Page.GetByLabel("Vanaf (datum, inclusief)").FillAsync("2030-01-02");
        await Page.GetByLabel("Tot en met (datum)").FillAsync("2030-01-01");
        await Page.Locator("#filter-submit").ClickAsync();
        await Expect(Page.Locator("#timeline-error")).ToContainTextAsync("begindatum");
        await Page.AssertAccessibleAsync();

        await Page.Locator(".legal-nav").GetByRole(AriaRole.Link, new() { Name = "Wie zag wat" }).ClickAsync();
        await Expect(Page.Heading()).ToContainTextAsync("Wie zag wat");
        await Page.AssertAccessibleAsync();

        await Page.Locator(".legal-nav").GetByRole(AriaRole.Link, new() { Name = "Planning en werkelijkheid" }).ClickAsync();
        await Expect(Page.Heading()).ToContainTextAsync("Planning en werkelijkheid");
        await Expect(Page.Locator("svg[role=img] .bar-actual").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#planning-phases")).ToContainTextAsync("Marktconsultatie");
        await Page.AssertAccessibleAsync();
        Assert.Empty(BrowserErrors);
    }
}
