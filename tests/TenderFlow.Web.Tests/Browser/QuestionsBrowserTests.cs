using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>Moves the clock into the publication phase, so it runs on a portal of its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionsBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string SecondBidder = "begeleidthuis";
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

    [Fact]
    public async Task A_bidder_asks_Procurement_answers_and_publishes_and_another_bidder_reads_it_without_the_askers_name()
    {
        var tender = await PublishDemoTenderAsync();
        var (askerOrganisation, askerName) = await AskerAsync(DemoUsers.Bidder);

        // The bidder asks, from the question page.
        var bidder = await SignedInPageAsync(DemoUsers.Bidder);
        await bidder.GotoAsync($"/tenders/{tender}/vragen");
        await bidder.GetByLabel("Uw vraag").FillAsync("Mogen wij als combinatie de capaciteit van onze onderaannemers meetellen voor de ervaringseisen?");
        await bidder.GetByLabel("Verwijst naar (optioneel)").FillAsync("Selectieleidraad, G2");
        await bidder.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAndWaitForNewPageAsync();
        await Expect(bidder.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw vraag is ontvangen");
        await Expect(bidder.Locator("section[aria-labelledby=own-heading] tbody tr")).ToContainTextAsync("Wacht op antwoord");
        await bidder.AssertAccessibleAsync();

        // Procurement sees who asked, rephrases, answers, publishes and compiles the nota van inlichtingen.
        var buyer = await SignedInPageAsync(DemoUsers.Procurement);
        await buyer.GotoAsync($"/tenders/{tender}/vragen");
        var item = buyer.Locator("article.action-block").First;
        await Expect(item.Locator("h3")).ToContainTextAsync(askerOrganisation);
        await buyer.AssertAccessibleAsync();
        await item.GetByLabel("Vraag zoals gepubliceerd").FillAsync("Mag een combinatie de capaciteit van onderaannemers meetellen voor de ervaringseisen?");
        await item.GetByLabel("Antwoord", new() { Exact = true }).FillAsync("Ja. De capaciteit van alle leden van een combinatie, ook onderaannemers, mag worden opgeteld.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Conceptantwoord opslaan" }).ClickAndWaitForNewPageAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Antwoord publiceren voor alle kandidaten" }).ClickAndWaitForNewPageAsync();
        await Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("zonder de naam van de vragensteller");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Nota van inlichtingen publiceren" }).ClickAndWaitForNewPageAsync();
        await Expect(buyer.GetByRole(AriaRole.Link, new() { Name = "Nota van inlichtingen 1 (pdf, 1 vragen)" })).ToBeVisibleAsync();

        // Another bidder reads question and answer, with nothing that points to the asker.
        var other = await SignedInPageAsync(SecondBidder);
        await other.GotoAsync($"/tenders/{tender}/vragen");
        var answers = other.Locator("section[aria-labelledby=answers-heading]");
        await Expect(answers).ToContainTextAsync("Mag een combinatie de capaciteit van onderaannemers meetellen");
        await Expect(answers).ToContainTextAsync("ook onderaannemers, mag worden opgeteld");
        await Expect(answers).ToContainTextAsync("Vraag 1.1");
        var html = await other.ContentAsync();
        Assert.DoesNotContain(askerOrganisation, html);
        Assert.DoesNotContain(askerName, html);
        Assert.DoesNotContain("Mogen wij als combinatie", html);
        await other.AssertAccessibleAsync();

        // The asker was told about the note: the header counts it, the inbox lists it.
        await bidder.GotoAsync("/");
        var inboxLink = bidder.GetByRole(AriaRole.Link, new() { Name = "Meldingen (1 ongelezen)" });
        await inboxLink.ClickAndWaitForNewPageAsync();
        await Expect(bidder.Locator("ul.notification-list li.unread")).ToContainTextAsync("Nota van inlichtingen 1");
        await bidder.AssertAccessibleAsync();
        await bidder.GetByRole(AriaRole.Button, new() { Name = "Alles als gelezen markeren" }).ClickAndWaitForNewPageAsync();
        await Expect(bidder.GetByRole(AriaRole.Link, new() { Name = "Meldingen", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Publication_pages_have_no_accessibility_violations_for_buyer_bidder_and_public()
    {
        var buyer = await SignedInPageAsync(DemoUsers.Procurement);
        var report = new AxeReport(buyer);
        var tender = await buyer.OpenDemoTenderAsync();
        await Expect(buyer.Locator("section[aria-labelledby=tp-guideline-heading]")).ToContainTextAsync("visie op de beweging naar voren");
        await report.CheckAsync("tender page (buyer)");
        await buyer.GotoAsync($"/tenders/{tender}/selectieleidraad");
        await Expect(buyer.GetByLabel("Code").First).ToBeVisibleAsync();
        await report.CheckAsync("selection guideline (buyer, editable)");
        await buyer.GotoAsync($"/tenders/{tender}/selectieleidraad?editCriterion=K1");
        await Expect(buyer.GetByLabel("Weging (%)")).ToHaveValueAsync("40");
        await buyer.GotoAsync($"/tenders/{tender}/publicatie");
        await report.CheckAsync("tender documents (buyer, upload form)");
        await buyer.GotoAsync("/meldingen");
        await report.CheckAsync("notifications (empty)");
        report.AssertClean();

        var bidder = await SignedInPageAsync(DemoUsers.Bidder);
        var bidderReport = new AxeReport(bidder);
        await bidder.GotoAsync($"/tenders/{tender}");
        await Expect(bidder.Locator("section[aria-labelledby=tp-guideline-heading]")).ToContainTextAsync("nog niet gepubliceerd");
        await bidderReport.CheckAsync("tender page (bidder, consultation)");
        await bidder.GotoAsync($"/tenders/{tender}/vragen");
        await Expect(bidder.Locator("section[aria-labelledby=ask-heading]")).ToContainTextAsync("In deze fase kunnen geen vragen worden gesteld.");
        await bidderReport.CheckAsync("questions (bidder, closed)");
        bidderReport.AssertClean();
    }

    [Fact]
    public async Task Procurement_uploads_a_tender_document_with_the_streamed_upload_form()
    {
        var buyer = await SignedInPageAsync(DemoUsers.Procurement);
        var tender = await buyer.OpenDemoTenderAsync();
        await buyer.GotoAsync($"/tenders/{tender}/publicatie");

        await buyer.GetByLabel("Ander aanbestedingsstuk").CheckAsync();
        await buyer.GetByLabel("Titel (verplicht voor andere stukken)").FillAsync("Bijlage 2 – Planning en termijnen");
        await buyer.GetByLabel("Bestand (PDF, DOCX, XLSX, ODT of ODS)").SetInputFilesAsync(new FilePayload
        {
            Name = "planning.pdf", MimeType = "application/pdf", Buffer = Infrastructure.TestFiles.Pdf("Planning en termijnen"),
        });
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();

        await Expect(buyer.Locator("[data-upload-status]")).ToContainTextAsync("planning.pdf (v1");
        await Expect(buyer.Locator("main table").First).ToContainTextAsync("Bijlage 2 – Planning en termijnen");
        await buyer.AssertAccessibleAsync();
    }

    /// <summary>Moves the clock past the demo's publication date and fires "publish" as the buyer (clicking it is AdvanceTenderTests' job).</summary>
    private async Task<string> PublishDemoTenderAsync()
    {
        using var scope = _portal.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync();
        _portal.App.Clock.SetUtcNow(tender.Deadline("publication")!.DueAtUtc!.Value.AddMinutes(1));
        var buyer = await _portal.ApiClientAsync(DemoUsers.Procurement);
        var fired = await buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/triggers/publish", new { });
        Assert.True(fired.IsSuccessStatusCode, await fired.Content.ReadAsStringAsync());
        return tender.Id.ToString();
    }

    private async Task<(string Organisation, string Name)> AskerAsync(string userName)
    {
        using var scope = _portal.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
        return (organisation.Name, user.DisplayName);
    }

    private async Task<IPage> SignedInPageAsync(string userName)
    {
        var context = await chromium.NewContextAsync(_portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        await page.SignInAsync(userName);
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
