using Microsoft.Playwright;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Specification;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>The final specification by clicking: Procurement drafts from the outcomes and saves a new version, Legal approves. Moves the clock, so it has a portal of its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SpecificationBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _portal.Dispose();
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var context = await chromium.NewContextAsync(_portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        await page.SignInAsync(userName, TestUsers.Password);
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Procurement_drafts_and_saves_a_new_version_and_Legal_approves_it()
    {
        var world = await SpecificationWorld.CreateAsync(_portal.App);
        _ = _portal.App.Legal();
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            if (await page.ViolationsAsync() is { } violation)
            {
                problems.Add($"[{what}] {violation}");
            }
        }
        var url = $"/tenders/{world.Tender}/opdrachtomschrijving";

        var buyer = await SignedInAsync("anna.inkoper");
        await buyer.GotoAsync($"/tenders/{world.Tender}");
        await buyer.Locator("#link-specification").ClickAsync();
        await Expect(buyer.Locator("h1")).ToHaveTextAsync("Definitieve opdrachtomschrijving");
        await CheckAsync(buyer, "empty specification");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Concept opstellen uit de afgesproken uitkomsten" }).ClickAsync();
        await Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("Versie 1 is opgesteld");
        await Expect(buyer.Locator("#specification-version")).ToHaveTextAsync("1");
        await Expect(buyer.Locator("#current-heading")).ToBeVisibleAsync();

        await buyer.GetByLabel("Tekst").First.FillAsync("De uitvoeringspartner werkt wijkgericht, met een vast team per wijk.");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Opslaan als nieuwe versie" }).ClickAsync();
        await Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("Er is een nieuwe versie opgeslagen.");
        await Expect(buyer.Locator("#specification-version")).ToHaveTextAsync("2");
        await buyer.Locator("#diff-2 summary").ClickAsync();
        await Expect(buyer.Locator("#diff-2 ins", new() { HasText = "vast team" })).ToHaveCountAsync(1);
        await Expect(buyer.Locator("#diff-2 del", new() { HasText = "Afgesproken uitkomst" })).ToHaveCountAsync(1);
        await Expect(buyer.Locator("#diff-2")).ToContainTextAsync("Gewijzigd");
        await CheckAsync(buyer, "version 2 with the diff open");

        var legal = await SignedInAsync("lea.jurist");
        await legal.GotoAsync(url);
        await Expect(legal.Locator("#specification-status")).ToContainTextAsync("Concept");
        await Expect(legal.Locator("#edit-form")).ToHaveCountAsync(0);
        await CheckAsync(legal, "review form");
        await legal.GetByLabel("Deze versie goedkeuren").CheckAsync();
        await legal.GetByRole(AriaRole.Button, new() { Name = "Toets vastleggen" }).ClickAsync();
        await Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("De versie is goedgekeurd.");
        await Expect(legal.Locator("#specification-status")).ToContainTextAsync("Goedgekeurd");
        await Expect(legal.Locator("#specification-pdf")).ToBeVisibleAsync();
        await Expect(legal.Locator("#review-button")).ToHaveCountAsync(0);
        await CheckAsync(legal, "approved");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(1, world.Db(db => db.SpecificationReviews.Count(r => r.VersionNumber == 2)));
    }
}
