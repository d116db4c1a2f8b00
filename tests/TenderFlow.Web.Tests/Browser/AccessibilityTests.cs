using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>axe-core (WCAG 2.1 A + AA rules) finds nothing on any portal page, including pages showing errors.</summary>
public sealed class AccessibilityTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Fact]
    public async Task Login_page()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Login_page_after_a_failed_attempt()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.SubmitLoginAsync("onbekend", "Geen-wachtwoord-1");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Login_page_with_empty_fields()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#username-error")).Not.ToBeEmptyAsync();
        await Page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Procurement)]
    [InlineData(DemoUsers.Evaluator)]
    [InlineData(DemoUsers.Legal)]
    [InlineData(DemoUsers.Bidder)]
    [InlineData(DemoUsers.Partner)]
    public async Task Start_page(string userName)
    {
        await Page.SignInAsync(userName);
        await Page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData(DemoUsers.Procurement)]
    [InlineData(DemoUsers.Bidder)]
    public async Task Tender_page(string userName)
    {
        await Page.SignInAsync(userName);
        await Page.OpenDemoTenderAsync();
        await Page.WaitForDiagramAsync();
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Audit_page()
    {
        await Page.SignInAsync(DemoUsers.Legal);
        await Page.GotoAsync($"/tenders/{await DemoTenderIdAsync()}/audit");
        await Expect(Page.Locator("main tbody tr")).Not.ToHaveCountAsync(0);
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_users()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/users");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_new_user()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/users/edit");
        await Expect(Page.Heading()).ToHaveTextAsync("Nieuwe gebruiker");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_new_user_with_validation_errors()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/users/edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een gebruikersnaam in.");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_organisations()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/organisations");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_new_organisation()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/organisations/edit");
        await Expect(Page.Heading()).ToHaveTextAsync("Nieuwe organisatie");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_new_organisation_submitted_empty()
    {
        await Page.SignInAsync(DemoUsers.Admin);
        await Page.GotoAsync("/admin/organisations/edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#name-error")).ToHaveTextAsync("Vul de naam van de organisatie in.");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul het KvK-nummer in.");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Pages_in_English()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAndWaitForNewPageAsync();
        await Page.AssertAccessibleAsync();
        await Page.SubmitLoginAsync(DemoUsers.Procurement, DemoUsers.Password);
        await Page.AssertAccessibleAsync();
        await Page.OpenDemoTenderAsync();
        await Page.WaitForDiagramAsync();
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task No_access_page()
    {
        await Page.SignInAsync(DemoUsers.Partner);
        await Page.GotoAsync("/admin/users");
        await Expect(Page.Heading()).ToHaveTextAsync("Geen toegang");
        await Page.AssertAccessibleAsync();
    }

    private async Task<string> DemoTenderIdAsync()
    {
        using var client = await Portal.ApiClientAsync(DemoUsers.Legal);
        var tenders = await Infrastructure.Api.GetArrayAsync(client, "/api/tenders");
        return tenders.Single(t => t!["title"]!.GetValue<string>() == DemoUsers.TenderTitle)!["id"]!.GetValue<string>();
    }
}
