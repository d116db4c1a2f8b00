using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

public sealed class LoginTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_an_alert_and_the_form_stays()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.SubmitLoginAsync(DemoUsers.Partner, "Niet-het-wachtwoord-1");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De gebruikersnaam of het wachtwoord klopt niet, of het account is na herhaalde mislukte pogingen 15 minuten geblokkeerd.");
        await Expect(Page.Heading()).ToHaveTextAsync("Inloggen");
        await Expect(Page.Locator("#Input_UserName")).ToHaveValueAsync(DemoUsers.Partner);
        await Expect(Page.Locator("#Input_Password")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task An_empty_form_names_the_missing_fields()
    {
        await Page.GotoAsync(PortalPages.LoginPath);
        await Page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();

        await Expect(Page.Locator("#username-error")).ToHaveTextAsync("Vul uw gebruikersnaam in.");
        await Expect(Page.Locator("#password-error")).ToHaveTextAsync("Vul uw wachtwoord in.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        // Its own account, so no other test finds a demo user locked.
        var userName = "slot." + Guid.NewGuid().ToString("N")[..8];
        await Portal.App.Users.EnsureAsync(userName, null, "Legal");

        // One answer for a wrong password, a locked account and an unknown name: a stranger learns nothing of which accounts exist.
        const string refused = "De gebruikersnaam of het wachtwoord klopt niet, of het account is na herhaalde mislukte pogingen 15 minuten geblokkeerd.";
        await Page.GotoAsync(PortalPages.LoginPath);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Page.SubmitLoginAsync(userName, $"Fout-wachtwoord-{attempt}");
            await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(refused);
        }

        await Page.SubmitLoginAsync(userName, Infrastructure.TestUsers.Password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(refused);
        await Expect(Page.Heading()).ToHaveTextAsync("Inloggen");
        await Page.SubmitLoginAsync("niemand." + Guid.NewGuid().ToString("N")[..8], "Fout-wachtwoord-1");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(refused);
    }

    [Fact]
    public async Task A_page_that_needs_a_sign_in_sends_you_to_the_form_and_back()
    {
        await Page.GotoAsync("/admin/organisations");
        await Expect(Page.Heading()).ToHaveTextAsync("Inloggen");

        await Page.SubmitLoginAsync(DemoUsers.Admin, DemoUsers.Password);
        await Expect(Page.Heading()).ToHaveTextAsync("Organisaties");
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        await Page.SignInAsync(DemoUsers.Evaluator);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();

        await Page.GotoAsync("/");
        await Expect(Page.Heading()).ToHaveTextAsync("Inloggen");
    }
}
