using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>Moves the clock, so it runs on a portal of its own rather than the one the other browser tests share.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdvanceTenderTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private IBrowserContext? _context;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(_portal.BaseUrl);

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        _portal.Dispose();
    }

    [Fact]
    public async Task Procurement_publishes_the_demo_tender_by_clicking_once_the_publication_date_has_passed()
    {
        var page = await _context!.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        await page.SignInAsync(DemoUsers.Procurement);
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Aanbesteding publiceren" });

        // Before the planned publication date: no button, and the page says why.
        await Expect(page.DemoTenderRow().Locator(".blocked")).ToContainTextAsync("nog niet verstreken");
        await Expect(publish).ToHaveCountAsync(0);
        await page.OpenDemoTenderAsync();
        await Expect(page.PhaseFact()).ToHaveTextAsync("Marktconsultatie");
        var publishBlock = page.Locator("#action-publish");
        await Expect(publishBlock).ToContainTextAsync("Nog niet mogelijk, omdat:");
        await Expect(publishBlock).ToContainTextAsync("nog niet verstreken");
        await Expect(publish).ToHaveCountAsync(0);

        // The planned publication moment, as the tender page shows it.
        var publicationRow = page.Locator("section[aria-labelledby=deadlines-heading] tbody tr", new() { HasText = "Publicatiedatum" });
        var due = DateTimeOffset.Parse(await publicationRow.Locator("time").GetAttributeAsync("datetime") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due > _portal.App.Clock.GetUtcNow(), $"the demo's publication date {due:O} should lie ahead of the clock");
        _portal.App.Clock.SetUtcNow(due.AddMinutes(1));

        // The sign-in cookie runs on the same clock and has expired by now: sign in again.
        await page.SignInAsync(DemoUsers.Procurement);
        await Expect(page.Locator("main table .blocked", new() { HasText = "Aanbesteding publiceren" })).ToHaveCountAsync(0);
        await publish.ClickAndWaitForNewPageAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "Gelukt: de aanbesteding is nu in de fase “Aankondiging en vragen (nota van inlichtingen)”.");
        await Expect(page.PhaseFact()).ToHaveTextAsync("Aankondiging en vragen (nota van inlichtingen)");
        await Expect(page.Locator("ol.phase-list li[aria-current=step]")).ToContainTextAsync("Aankondiging en vragen (nota van inlichtingen)");
        await Expect(publish).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn startpagina" }).First.ClickAsync();
        await Expect(page.DemoTenderRow()).ToContainTextAsync("Aankondiging en vragen (nota van inlichtingen)");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
