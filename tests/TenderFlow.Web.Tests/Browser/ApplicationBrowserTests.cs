using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// A consortium of three demo care providers applies with a vision through the portal (uploads by script, with
/// receipts), then two buyers open the applications after the deadline. Moves the clock, so it has a portal of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _browserErrors = [];
    private static readonly DateTimeOffset Close = TenderFlowFactory.Start.AddDays(10);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _portal.Dispose();
    }

    private async Task<IPage> SignedInPageAsync(string user)
    {
        var context = await chromium.NewContextAsync(_portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add($"{message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _browserErrors.Add(error);
        await page.SignInAsync(user);
        return page;
    }

    private async Task<string> TenderAsync()
    {
        var procurement = await _portal.ApiClientAsync(DemoUsers.Procurement);
        var created = await procurement.PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "UTR-WMO-SEL-01", title = "Specialistische begeleiding (selectie)",
            deadlines = new { publication = _portal.App.PublicationSoon(), applicationsClose = Close, contractStart = "2028-06-01T00:00:00+02:00" },
        });
        _portal.App.PassPublication();
        var tender = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.True((await procurement.PostAsync($"/api/tenders/{tender}/triggers/publish", JsonContent.Create(new { }))).IsSuccessStatusCode);
        Assert.True((await procurement.PostAsync($"/api/tenders/{tender}/announce", null)).IsSuccessStatusCode);
        using var scope = _portal.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        db.SelectionRequirements.Add(new SelectionRequirement { Id = Guid.NewGuid(), TenderId = Guid.Parse(tender), Code = "G1", TextNl = "Aantoonbare ervaring met individuele begeleiding en dagbegeleiding", Order = 1 });
        await db.SaveChangesAsync();
        return tender;
    }

    private string Kvk(string name)
    {
        using var scope = _portal.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().Organisations.Single(o => o.Name == name).KvkNumber;
    }

    [GeneratedRegex(@"\?receipt=[0-9a-f-]{36}")]
    private static partial Regex ReceiptUrl();

    private static async Task UploadAsync(IPage page, string formSelector, string fileName, string text, string? issuedOn = null)
    {
        var form = page.Locator(formSelector);
        if (issuedOn is not null)
        {
            await form.Locator("input[name=issuedOn]").FillAsync(issuedOn);
        }
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = TestFiles.Pdf(text) });
        await page.EvaluateAsync("() => document.documentElement.dataset.stale = 'true'");
        await form.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        // The script sends the file to the API and then opens the page at "#receipt"; the no-script fallback has no fragment.
        await page.WaitForURLAsync(ReceiptUrl());
        Assert.EndsWith("#receipt", page.Url, StringComparison.Ordinal);
        await page.Locator("html:not([data-stale])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync(fileName);
        await Assertions.Expect(page.Locator("#receipt .hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
    }

    [Fact]
    public async Task A_consortium_of_three_applies_with_a_vision_and_two_buyers_open_the_applications()
    {
        var tender = await TenderAsync();
        var partners = new[] { ("Begeleid Thuis Leidsche Rijn", "MainContractor"), ("Dagbesteding De Werkplaats Zuilen", "Subcontractor") };

        var bidder = await SignedInPageAsync(DemoUsers.Bidder);
        await bidder.GotoAsync($"/tenders/{tender}");
        await bidder.Locator("#link-application").ClickAndWaitForNewPageAsync();
        await bidder.AssertAccessibleAsync();
        await bidder.Locator("#consortiumName").FillAsync("Combinatie Utrechtse Begeleiding");
        await bidder.GetByRole(AriaRole.Button, new() { Name = "Aanmelding starten" }).ClickAndWaitForNewPageAsync();
        foreach (var (name, role) in partners)
        {
            await bidder.Locator("#kvkNumber").FillAsync(Kvk(name));
            await bidder.Locator("#role").SelectOptionAsync(role);
            await bidder.GetByRole(AriaRole.Button, new() { Name = "Lid toevoegen aan de aanmelding" }).ClickAndWaitForNewPageAsync();
            await Assertions.Expect(bidder.Locator("section[aria-labelledby=members-heading] tbody")).ToContainTextAsync(name);
        }

        var reference = bidder.Locator("#reference-form");
        await reference.Locator("#ref-client").FillAsync("Gemeente Nieuwegein");
        await reference.Locator("#ref-from").FillAsync("2022-01-01");
        await reference.Locator("#ref-to").FillAsync("2025-12-31");
        await reference.Locator("#ref-care").FillAsync("Individuele begeleiding, dagbegeleiding");
        await reference.Locator("#ref-scale").FillAsync("180 cliënten per jaar");
        await reference.Locator("#ref-description").FillAsync("Wijkgerichte begeleiding in Overvecht en Zuilen met ervaringsdeskundigen.");
        await reference.GetByRole(AriaRole.Button, new() { Name = "Referentie vastleggen" }).ClickAndWaitForNewPageAsync();

        foreach (var condition in SelectionConditions.All)
        {
            await bidder.Locator($"#complies-{condition.Key}-yes").CheckAsync();
            await bidder.Locator($"#explanation-{condition.Key}").FillAsync("Wij voldoen hieraan; zie ons beleid.");
        }
        await bidder.GetByRole(AriaRole.Button, new() { Name = "Antwoorden opslaan" }).ClickAndWaitForNewPageAsync();

        await UploadAsync(bidder, "form.upload-form:has(input[name=kind][value=vision])", "Visie Combinatie Utrechtse Begeleiding.pdf", "Visie");
        var members = await bidder.Locator("form.upload-form:has(input[name=kind][value=gva]) input[name=member]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Equal(3, members.Length);
        foreach (var member in members)
        {
            await UploadAsync(bidder, $"form.upload-form:has(input[name=kind][value=gva]):has(input[name=member][value='{member}'])", $"gva-{member[..8]}.pdf", "GVA", "2026-11-02");
            await UploadAsync(bidder, $"form.upload-form:has(input[name=kind][value=bibob]):has(input[name=member][value='{member}'])", $"bibob-{member[..8]}.pdf", "Bibob");
        }
        await bidder.AssertAccessibleAsync();
        await bidder.GetByRole(AriaRole.Button, new() { Name = "Aanmelding indienen" }).ClickAndWaitForNewPageAsync();
        await Assertions.Expect(bidder.Locator("#application-status")).ToHaveTextAsync("ingediend");
        await bidder.AssertAccessibleAsync();

        // Before the deadline a buyer sees only the number of applications.
        var buyer = await SignedInPageAsync(DemoUsers.Procurement);
        await buyer.GotoAsync($"/tenders/{tender}/applications");
        await Assertions.Expect(buyer.Locator("#submitted-count")).ToHaveTextAsync("1");
        await Assertions.Expect(buyer.Locator("main")).Not.ToContainTextAsync("Combinatie Utrechtse Begeleiding");
        await buyer.AssertAccessibleAsync();

        _portal.App.Clock.SetUtcNow(Close.AddMinutes(1));
        Assert.True((await (await _portal.ApiClientAsync(DemoUsers.Procurement)).PostAsync($"/api/tenders/{tender}/triggers/closeApplications", JsonContent.Create(new { }))).IsSuccessStatusCode);

        buyer = await SignedInPageAsync(DemoUsers.Procurement);
        await buyer.GotoAsync($"/tenders/{tender}");
        await buyer.Locator("#link-opening").ClickAndWaitForNewPageAsync();
        await buyer.AssertAccessibleAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Opening vastleggen (eerste inkoper)" }).ClickAndWaitForNewPageAsync();
        await Assertions.Expect(buyer.Locator("#opening-state")).ToHaveTextAsync("vastgelegd door de eerste inkoper");
        await Assertions.Expect(buyer.GetByRole(AriaRole.Button, new() { Name = "Opening voltooien (tweede inkoper)" })).ToHaveCountAsync(0);

        var second = await SignedInPageAsync("inkoper2");
        await second.GotoAsync($"/tenders/{tender}/openings/selection");
        await second.GetByRole(AriaRole.Button, new() { Name = "Opening voltooien (tweede inkoper)" }).ClickAndWaitForNewPageAsync();
        await Assertions.Expect(second.Locator("#opening-state")).ToHaveTextAsync("geopend");
        await Assertions.Expect(second.Locator("#proces-verbaal")).ToBeVisibleAsync();
        await second.AssertAccessibleAsync();

        await second.GotoAsync($"/tenders/{tender}/applications");
        await Assertions.Expect(second.Locator("main")).ToContainTextAsync("Combinatie Utrechtse Begeleiding");
        await Assertions.Expect(second.Locator("main")).ToContainTextAsync("Dagbesteding De Werkplaats Zuilen");
        await second.AssertAccessibleAsync();
        Assert.True(_browserErrors.Count == 0, string.Join("\n", _browserErrors));
    }
}
