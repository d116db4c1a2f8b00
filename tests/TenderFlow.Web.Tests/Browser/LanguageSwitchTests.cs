using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

public sealed class LanguageSwitchTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Fact]
    public async Task English_from_the_header_stays_across_pages_and_Nederlands_switches_back()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(Page.Heading()).ToHaveTextAsync("Inloggen");

        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Heading()).ToHaveTextAsync("Log in");
        await Expect(Page.GetByLabel("User name")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Password")).ToBeVisibleAsync();
        Assert.EndsWith(PortalPages.LoginPath, Page.Url, StringComparison.Ordinal);

        await Page.SubmitLoginAsync(DemoUsers.Procurement, DemoUsers.Password);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Heading()).ToHaveTextAsync("All tenders");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "My start page" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Next deadline" })).ToBeVisibleAsync();

        await Page.OpenDemoTenderAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Deadlines" })).ToBeVisibleAsync();
        await Expect(Page.PhaseFact()).ToHaveTextAsync("Market consultation");

        var tenderUrl = Page.Url;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAndWaitForNewPageAsync();
        Assert.Equal(tenderUrl, Page.Url);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Termijnen" })).ToBeVisibleAsync();
        await Expect(Page.PhaseFact()).ToHaveTextAsync("Marktconsultatie");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
    }
}
