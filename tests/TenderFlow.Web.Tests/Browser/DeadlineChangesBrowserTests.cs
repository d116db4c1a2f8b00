using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// Procurement moves a deadline through the portal: the autumn night's 02:30 comes back asking which of the two moments
/// is meant, the second (winter time) is chosen, and the table shows it with its offset. Its own tender, so the shared
/// demo tender keeps its dates.
/// </summary>
public sealed class DeadlineChangesBrowserTests(ChromiumFixture chromium, PortalServer portal) : PortalBrowserTest(chromium, portal)
{
    private async Task<string> TenderAsync()
    {
        var procurement = await Portal.ApiClientAsync(DemoUsers.Procurement);
        var created = await procurement.PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "UTR-WMO-TERMIJN-" + Guid.NewGuid().ToString("N")[..4], title = "Specialistische begeleiding (termijnen)",
            deadlines = new { publication = "2027-04-01T09:00:00+02:00", applicationsClose = "2027-06-01T12:00:00+02:00" },
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Procurement_moves_a_deadline_to_the_autumn_night_and_chooses_which_half_past_two()
    {
        var tender = await TenderAsync();
        await StartSignedInAsync(DemoUsers.Procurement);
        await Page.GotoAsync($"/tenders/{tender}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Termijnen wijzigen" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Termijnen");
        await Expect(Page.Locator("#deadline-row-applicationsClose")).ToContainTextAsync("01-06-2027 12:00 (+02:00)");
        await Page.AssertAccessibleAsync();

        var form = Page.Locator("#change-applicationsClose");
        await form.GetByLabel("Nieuwe datum").FillAsync("2027-10-31");
        await form.GetByLabel("Nieuw tijdstip (Nederlandse tijd)").FillAsync("02:30");
        await form.GetByLabel("Reden (zichtbaar voor alle betrokkenen)").FillAsync("Aanmeldtermijn verlengd op verzoek van de marktpartijen (zie nota van inlichtingen 2).");
        await form.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(Page.Locator("[role=alert]")).ToContainTextAsync("bestaat twee keer");
        var choice = Page.Locator("#change-applicationsClose fieldset");
        await Expect(choice).ToContainTextAsync("31-10-2027 02:30 (+02:00)");
        await Expect(choice).ToContainTextAsync("31-10-2027 02:30 (+01:00)");
        await Expect(Page.Locator("#reason-applicationsClose")).ToHaveValueAsync("Aanmeldtermijn verlengd op verzoek van de marktpartijen (zie nota van inlichtingen 2).");
        await Page.AssertAccessibleAsync();

        await choice.GetByLabel("31-10-2027 02:30 (+01:00)", new() { Exact = false }).CheckAsync();
        await Page.Locator("#change-applicationsClose").GetByRole(AriaRole.Button).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("31-10-2027 02:30 (+01:00)");
        await Expect(Page.Locator("#deadline-row-applicationsClose")).ToContainTextAsync("31-10-2027 02:30 (+01:00)");
        await Expect(Page.Locator("[role=alert]")).ToHaveCountAsync(0);
        await Page.AssertAccessibleAsync();

        var audit = await (await Portal.ApiClientAsync(DemoUsers.Legal)).GetFromJsonAsync<JsonArray>($"/api/tenders/{tender}/audit");
        var rectified = audit!.Last(e => e!["action"]!.GetValue<string>() == "deadline.rectified")!;
        Assert.Equal("2027-10-31T01:30:00Z", rectified["payload"]!["newDueAtUtc"]!.GetValue<string>());
        AssertNoUnexpectedBrowserErrors();
    }

    [Fact]
    public async Task A_change_without_a_reason_comes_back_with_the_message_next_to_the_field()
    {
        var tender = await TenderAsync();
        await StartSignedInAsync(DemoUsers.Procurement);
        await Page.GotoAsync($"/tenders/{tender}/termijnen");

        // The browser's own check would stop an empty reason; a single space gets through to the server's rule.
        var form = Page.Locator("#change-applicationsClose");
        await form.GetByLabel("Reden (zichtbaar voor alle betrokkenen)").FillAsync(" ");
        await form.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(Page.Locator("[role=alert]")).ToContainTextAsync("Geef een reden op");
        await Expect(Page.Locator("#reason-applicationsClose-error")).ToContainTextAsync("Geef een reden op");
        await Expect(Page.Locator("#reason-applicationsClose")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#deadline-row-applicationsClose")).ToContainTextAsync("01-06-2027 12:00 (+02:00)");
        await Page.AssertAccessibleAsync();
        AssertNoUnexpectedBrowserErrors();
    }

    /// <summary>A refused change answers 400 with the form (as the other portal pages do); Chromium logs that status as an error.</summary>
    private void AssertNoUnexpectedBrowserErrors()
    {
        var unexpected = BrowserErrors.Where(e => !(e.Contains("/termijnen?handler=Change", StringComparison.Ordinal) && e.Contains("status of 400", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }
}
