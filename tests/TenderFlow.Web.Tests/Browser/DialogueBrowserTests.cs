using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// The confidential dialogue by clicking: an invited partner accepts the declaration and writes in its theme (and finds
/// another theme not to exist); the participant adds a theme. Moves the clock, so it has a portal of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DialogueBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string PartnerName = "pia.wijkteam";
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

    [Fact]
    public async Task A_partner_accepts_the_declaration_and_writes_in_its_theme_and_the_participant_adds_a_theme()
    {
        var world = await DialogueWorld.CreateAsync(_portal.App);
        var api = $"/api/tenders/{world.Tender}/dialogue";
        var partnerId = (await _portal.App.Users.EnsureAsync(PartnerName, null, "Partner")).Id;
        var themes = await _portal.App.Procurement().GetArrayAsync($"{api}/themes");
        var themeA = themes[0]!["id"]!.GetValue<string>();
        var themeB = themes[1]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await _portal.App.Procurement().PostAsJsonAsync($"{api}/themes/{themeA}/partners", new { userId = partnerId })).StatusCode);
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            if (await page.ViolationsAsync() is { } violation)
            {
                problems.Add($"[{what}] {violation}");
            }
        }

        var partner = await SignedInAsync(PartnerName);
        await partner.GotoAsync($"/tenders/{world.Tender}");
        await CheckAsync(partner, "tender page (partner)");
        // Before the declaration the workspace sends the partner to it.
        await partner.GotoAsync($"/tenders/{world.Tender}/dialoog");
        await Expect(partner.Locator("h1")).ToHaveTextAsync("Geheimhoudingsverklaring");
        await CheckAsync(partner, "declaration");
        await partner.GetByLabel("Ik accepteer deze geheimhoudingsverklaring").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Accepteren en verder" }).ClickAsync();
        await Expect(partner.Locator("h1")).ToHaveTextAsync("Dialoog");
        await Expect(partner.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await CheckAsync(partner, "overview (partner)");
        await partner.Locator("main table tbody a").ClickAsync();
        await Expect(partner.Locator("h1")).ToHaveTextAsync(themes[0]!["titleNl"]!.GetValue<string>());
        await partner.GetByLabel("Uw bericht").FillAsync("Vanuit het wijkteam Overvecht: let op de wachtlijsten.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Bericht plaatsen" }).ClickAsync();
        await Expect(partner.Locator(".dialogue-thread")).ToContainTextAsync("let op de wachtlijsten");
        await CheckAsync(partner, "theme page (partner)");
        var other = await partner.GotoAsync($"/tenders/{world.Tender}/dialoog/{themeB}");
        Assert.Equal(404, other!.Status);

        var participant = await SignedInAsync(world.Participant.Bidders[0]);
        await participant.GotoAsync($"/tenders/{world.Tender}");
        await participant.GetByRole(AriaRole.Link, new() { Name = "Open de dialoog" }).ClickAsync();
        await Expect(participant.Locator("main table tbody tr")).ToHaveCountAsync(11);
        await CheckAsync(participant, "overview (participant)");
        await participant.Locator("#title-nl").FillAsync("Inzet van ervaringsdeskundigen in de wijk");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Thema toevoegen" }).ClickAsync();
        await Expect(participant.Locator("h1")).ToHaveTextAsync("Inzet van ervaringsdeskundigen in de wijk");
        await Expect(participant.Locator("#theme-status")).ToHaveTextAsync("open");
        await CheckAsync(participant, "theme page (participant)");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
