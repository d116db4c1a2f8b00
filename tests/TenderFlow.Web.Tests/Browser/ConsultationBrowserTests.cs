using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>Registers for a session, so it runs on a portal of its own rather than the one the other browser tests share.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsultationBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string FullSession = "Sessie 2 Zorg op maat";
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
    public async Task A_bidder_registers_two_attendees_for_a_full_session_and_lands_on_the_waiting_list()
    {
        var page = await _context!.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var axe = new AxeReport(page);
        await page.SignInAsync(DemoUsers.Bidder);
        await page.OpenDemoTenderAsync();
        var row = page.Locator("section[aria-labelledby=consultation-heading] tbody tr", new() { HasText = FullSession });
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("0");
        await axe.CheckAsync("tender page with sessions");

        await row.GetByRole(AriaRole.Link, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(FullSession);
        await axe.CheckAsync("session page with the registration form");

        var first = page.GetByRole(AriaRole.Group, new() { Name = "Deelnemer 1" });
        await first.GetByLabel("Naam").FillAsync("Marieke Jansen");
        await first.GetByLabel("E-mail").FillAsync("m.jansen@wijkzorgovervecht.example.nl");
        await first.GetByLabel("Functie").FillAsync("Ambulant begeleider");
        var second = page.GetByRole(AriaRole.Group, new() { Name = "Deelnemer 2" });
        await second.GetByLabel("Naam").FillAsync("Youssef El Amrani");
        await second.GetByLabel("E-mail").FillAsync("y.elamrani@wijkzorgovervecht.example.nl");
        await second.GetByLabel("Functie").FillAsync("Teamleider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAndWaitForNewPageAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("uw aanmelding staat op de wachtlijst");
        await Expect(page.Locator("#own-status")).ToContainTextAsync("Op de wachtlijst");
        // The demo's waiting list already holds one organisation: first come, first served.
        await Expect(page.Locator("#own-status")).ToContainTextAsync("plaats 2 op de wachtlijst");
        await Expect(page.Locator("section[aria-labelledby=own-heading] li")).ToHaveCountAsync(2);
        await axe.CheckAsync("session page after registering");

        await page.GetByRole(AriaRole.Link, new() { Name = DemoUsers.TenderTitle }).ClickAsync();
        await Expect(row).ToContainTextAsync("Op de wachtlijst (plaats 2)");
        axe.AssertClean();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Procurement_manages_a_full_session_and_uploads_its_report_for_the_registered_organisations()
    {
        var page = await _context!.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        var axe = new AxeReport(page);
        await page.SignInAsync(DemoUsers.Procurement);
        await page.OpenDemoTenderAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = FullSession, Exact = true }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(FullSession);
        var registrations = page.Locator("section[aria-labelledby=registrations-heading] tbody tr");
        await Expect(registrations).ToHaveCountAsync(8);
        await Expect(registrations.Filter(new() { HasText = "Op de wachtlijst" })).ToHaveCountAsync(2);
        await axe.CheckAsync("session page for procurement");

        await page.GetByLabel("Verslag (PDF, DOCX of ODT)").SetInputFilesAsync(new FilePayload
        {
            Name = "verslag-sessie-2.pdf", MimeType = "application/pdf", Buffer = Infrastructure.TestFiles.Pdf("Verslag sessie 2"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verslag uploaden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Verslag van deze sessie" })).ToBeVisibleAsync();
        // The receipt survives the page's reload, announced.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "verslag-sessie-2.pdf" })).ToBeVisibleAsync();
        await axe.CheckAsync("session page with a report");

        await page.GotoAsync(page.Url.Split("/consultation/")[0] + "/consultation/new");
        await Expect(page.Heading()).ToHaveTextAsync("Sessie plannen");
        await axe.CheckAsync("schedule page");
        axe.AssertClean();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
