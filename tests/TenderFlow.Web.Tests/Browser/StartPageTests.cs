using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>Every role signs in through the log-in form and lands on the start page meant for it.</summary>
public sealed class StartPageTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    [Theory]
    [InlineData(DemoUsers.Admin, "Alle aanbestedingen (alleen lezen)")]
    [InlineData(DemoUsers.Procurement, "Alle aanbestedingen")]
    [InlineData(DemoUsers.Evaluator, "Aanbestedingen die u beoordeelt")]
    [InlineData(DemoUsers.Legal, "Alle aanbestedingen (alleen lezen)")]
    [InlineData(DemoUsers.Bidder, "Openbare aanbestedingen en die waaraan uw organisatie deelneemt")]
    [InlineData(DemoUsers.Partner, "Openbare aanbestedingen")]
    public async Task Each_role_signs_in_through_the_form_and_sees_its_start_page(string userName, string heading)
    {
        await Page.SignInAsync(userName);

        await Expect(Page.Heading()).ToHaveTextAsync(heading);
        await Expect(Page).ToHaveTitleAsync("Mijn startpagina – TenderFlow");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(Page.Locator(".user-name")).Not.ToBeEmptyAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
        // The demo tender is public and its evaluator is assigned: every role sees it.
        await Expect(Page.DemoTenderLink()).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Procurement_sees_the_actions_it_may_take_and_why_publishing_must_wait()
    {
        await StartSignedInAsync(DemoUsers.Procurement);

        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Acties" })).ToBeVisibleAsync();
        var row = Page.DemoTenderRow();
        // Cancelling needs a reason, so the start page links to the form on the tender page.
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Aanbesteding intrekken" })).ToBeVisibleAsync();
        await Expect(row.Locator(".blocked")).ToContainTextAsync("Aanbesteding publiceren");
        await Expect(row.Locator(".blocked")).ToContainTextAsync("nog niet verstreken");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Audittrail" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Gebruikers" })).ToHaveCountAsync(0);

        // On the tender page the same actions are real buttons, with the reason field where one is required.
        await Page.OpenDemoTenderAsync();
        var cancel = Page.Locator("#action-cancel");
        await Expect(cancel.GetByLabel("Reden (verplicht, wordt vastgelegd in de audittrail)")).ToBeVisibleAsync();
        await Expect(cancel.GetByRole(AriaRole.Button, new() { Name = "Aanbesteding intrekken" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#action-publish")).ToContainTextAsync("nog niet verstreken");
    }

    [Fact]
    public async Task Legal_reads_every_tender_with_its_audit_trail_but_has_no_actions()
    {
        await StartSignedInAsync(DemoUsers.Legal);

        await Expect(Page.DemoTenderRow().GetByRole(AriaRole.Link, new() { Name = "Audittrail" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Acties" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("main form, main .button")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Gebruikers" })).ToHaveCountAsync(0);

        await Page.OpenDemoTenderAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Acties" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("main form")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Audittrail" }).ClickAsync();
        await Expect(Page.Heading()).ToContainTextAsync("Audittrail");
        await Expect(Page.Locator("main [role=status]")).ToContainTextAsync("De auditketen is intact");
    }

    [Fact]
    public async Task Admin_has_the_admin_navigation()
    {
        await StartSignedInAsync(DemoUsers.Admin);

        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Mijn startpagina" })).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Gebruikers");
        var buyer = Page.Locator("main tbody tr", new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = DemoUsers.Procurement, Exact = true }) });
        await Expect(buyer).ToContainTextAsync("Inkoop (Procurement)");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Organisaties" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Organisaties");
        await Expect(Page.Locator("main tbody tr")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Other_roles_do_not_get_the_admin_pages()
    {
        await StartSignedInAsync(DemoUsers.Procurement);

        await Page.GotoAsync("/admin/users");
        await Expect(Page.Heading()).ToHaveTextAsync("Geen toegang");
    }
}
