using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2.1 A + AA rules) finds nothing on any portal page, including pages that show errors.
/// Pages one person sees are checked in one test (one sign-in); a failure lists every page and element to fix.
/// </summary>
public sealed class AccessibilityTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    /// <summary>Proves the check can fail: zero violations elsewhere must not come from axe not running at all.</summary>
    [Fact]
    public async Task The_check_reports_a_known_violation()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')");
        var result = await Page.RunAxe(AxeChecks.Wcag21AA);
        Assert.Contains(result.Violations, v => v.Id == "image-alt");
        // And a failure names the rule, its impact, the help text and where the element is.
        var report = AxeChecks.Describe(Page.Url, result.Violations);
        Assert.Contains("- image-alt (critical): Images must have alternative text", report);
        Assert.True(report.Contains("img", StringComparison.Ordinal) && report.Contains("    at ", StringComparison.Ordinal), report);
    }

    [Fact]
    public async Task Login_page_empty_with_errors_and_after_a_failed_attempt()
    {
        var axe = new AxeReport(Page);
        await Page.GotoAsync(PortalPages.LoginPath);
        await axe.CheckAsync("log-in page");

        await Page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#username-error")).Not.ToBeEmptyAsync();
        await axe.CheckAsync("log-in page, submitted empty");

        await Page.SubmitLoginAsync("onbekend", "Geen-wachtwoord-1");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await axe.CheckAsync("log-in page after a failed attempt");
        axe.AssertClean();
    }

    [Fact]
    public async Task Forgotten_password_pages_empty_with_errors_and_after_the_request()
    {
        var axe = new AxeReport(Page);
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAndWaitForNewPageAsync();
        await axe.CheckAsync("forgotten password page");

        await Page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#email-error")).Not.ToBeEmptyAsync();
        await axe.CheckAsync("forgotten password page, submitted empty");

        await Page.GetByLabel("E-mailadres").FillAsync("iemand@elders.test");
        await Page.GetByLabel("E-mailadres").PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Hoort dit adres bij een TenderFlow-account");
        await axe.CheckAsync("forgotten password page after the request");

        await Page.GotoAsync("/Accounts/ResetPassword?email=iemand%40elders.test&code=abc");
        await Page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#password-error")).Not.ToBeEmptyAsync();
        await axe.CheckAsync("new password page, submitted empty");
        axe.AssertClean();
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
        await StartSignedInAsync(userName);
        await Page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData(DemoUsers.Procurement)]
    [InlineData(DemoUsers.Bidder)]
    public async Task Tender_page(string userName)
    {
        await StartSignedInAsync(userName);
        await Page.OpenDemoTenderAsync();
        await Page.WaitForDiagramAsync();
        await Page.AssertAccessibleAsync();
        // Mermaid runs under the strict content security policy without complaints, and nothing fails to load.
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task Page_not_found()
    {
        await StartSignedInAsync(DemoUsers.Bidder);
        var response = await Page.GotoAsync("/aanbestedingen/bestaat-niet");
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Pagina niet gevonden", Level = 1 })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Audit_page()
    {
        await StartSignedInAsync(DemoUsers.Legal);
        await Page.OpenDemoTenderAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Audittrail" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("main tbody tr")).Not.ToHaveCountAsync(0);
        var axe = new AxeReport(Page);
        await axe.CheckAsync("audit page");

        // Checking the anchor the page offers, by keyboard: type it into the labelled field and press Enter.
        var anchor = await Page.Locator("#anchor-to-keep").InnerTextAsync();
        var field = Page.GetByLabel("Controleren aan de hand van een bewaard anker (volgnummer:hash)");
        await field.FillAsync(anchor);
        await field.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "anker" })).ToHaveTextAsync($"De keten bevat anker {anchor} nog steeds.");
        await axe.CheckAsync("audit page, anchor checked");

        await Page.GetByLabel("Controleren aan de hand van een bewaard anker (volgnummer:hash)").FillAsync("geen anker");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anker controleren" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#anchor-error")).ToContainTextAsync("Een anker is een volgnummer");
        await axe.CheckAsync("audit page, not an anchor");
        axe.AssertClean();
    }

    [Fact]
    public async Task Admin_pages_including_forms_with_validation_errors()
    {
        var axe = new AxeReport(Page);
        await StartSignedInAsync(DemoUsers.Admin);

        await Page.GotoAsync("/admin/users");
        await axe.CheckAsync("users");

        await Page.GotoAsync("/admin/users/edit");
        await Expect(Page.Heading()).ToHaveTextAsync("Nieuwe gebruiker");
        await axe.CheckAsync("new user");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een gebruikersnaam in.");
        await axe.CheckAsync("new user, submitted empty");

        await Page.GotoAsync("/admin/organisations");
        await axe.CheckAsync("organisations");

        await Page.GotoAsync("/admin/organisations/edit");
        await Expect(Page.Heading()).ToHaveTextAsync("Nieuwe organisatie");
        await axe.CheckAsync("new organisation");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("#name-error")).ToHaveTextAsync("Vul de naam van de organisatie in.");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul het KvK-nummer in.");
        await axe.CheckAsync("new organisation, submitted empty");
        axe.AssertClean();
    }

    [Fact]
    public async Task Pages_in_English()
    {
        var axe = new AxeReport(Page);
        await StartSignedInAsync(DemoUsers.Procurement);
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAndWaitForNewPageAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Heading()).ToHaveTextAsync("All tenders");
        await axe.CheckAsync("start page (en)");

        await Page.OpenDemoTenderAsync();
        await Page.WaitForDiagramAsync();
        await axe.CheckAsync("tender page (en)");
        axe.AssertClean();
    }

    [Fact]
    public async Task No_access_page()
    {
        await StartSignedInAsync(DemoUsers.Partner);
        await Page.GotoAsync("/admin/users");
        await Expect(Page.Heading()).ToHaveTextAsync("Geen toegang");
        await Page.AssertAccessibleAsync();
    }
}
