using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// The lawyer opens a tender's decisions and one dossier: a deadline change Procurement made (on its own tender, so the
/// shared demo tender keeps its dates) with its reason, the person and the audit event; both pages pass axe.
/// </summary>
public sealed class DecisionsBrowserTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    private const string Reason = "Aanmeldtermijn verlengd na vragen over de referentie-eisen (zie nota van inlichtingen 1).";

    [Fact]
    public async Task The_lawyer_opens_the_decisions_and_the_dossier_of_a_deadline_change()
    {
        var procurement = await Portal.ApiClientAsync(DemoUsers.Procurement);
        var created = await procurement.PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "UTR-WMO-BESLUIT-" + Guid.NewGuid().ToString("N")[..4], title = "Specialistische begeleiding (besluiten)",
            deadlines = new { publication = "2027-04-01T09:00:00+02:00", applicationsClose = "2027-06-01T12:00:00+02:00" },
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        var tender = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        var changed = await procurement.PutAsJsonAsync($"/api/tenders/{tender}/deadlines/applicationsClose", new { dueAt = "2027-06-15T12:00", reason = Reason });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        await StartSignedInAsync(DemoUsers.Legal);
        await Page.GotoAsync($"/tenders/{tender}/besluiten");
        await Expect(Page.Heading()).ToContainTextAsync("Besluiten");
        await Expect(Page.Locator("#procedure-report")).ToHaveAttributeAsync("href", $"/api/tenders/{tender}/records/procedure-report.pdf");
        var row = Page.Locator("#decisions-deadline tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("naar 15-06-2027 12:00 (+02:00)");
        await Page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page.Heading()).ToContainTextAsync("Termijnwijziging");
        await Expect(Page.Locator("#decision-reasons")).ToContainTextAsync(Reason);
        await Expect(Page.Locator("#decision-people")).ToContainTextAsync("Procurement");
        await Expect(Page.Locator("#decision-events")).ToContainTextAsync("deadline.rectified");
        await Expect(Page.Locator("#decision-definition")).ToContainTextAsync("sas-dialogue");
        await Expect(Page.Locator("#decision-pdf")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"/records/decisions/deadline-\d+\.pdf$"));
        await Page.AssertAccessibleAsync();
        Assert.True(BrowserErrors.Count == 0, string.Join(Environment.NewLine, BrowserErrors));
    }
}
