using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>
/// Before the selection vault is opened, staff see only how many applied, not who: the audit trail must not tell
/// Procurement or Admin either (actor, organisation, payload). Legal sees the trail in full; after the opening everyone
/// with access to the trail does.
/// </summary>
public sealed class SealedApplicantAuditTests : ApplicationTestBase
{
    private static bool Names(string text) => text.Contains("bo.zorgplus", StringComparison.Ordinal) || text.Contains("Zorgplus", StringComparison.Ordinal);

    private async Task<string> SeenAsync(HttpClient client) =>
        (await client.GetArrayAsync($"/api/tenders/{S.Tender}/audit")).ToJsonString()
        + (await client.GetArrayAsync($"/api/tenders/{S.Tender}/legal/reads")).ToJsonString()
        + await (await client.GetAsync($"/tenders/{S.Tender}/juridisch/inzage")).Content.ReadAsStringAsync()
        + (await client.GetJsonAsync($"/api/tenders/{S.Tender}/legal/timeline")).ToJsonString()
        + await (await client.GetAsync($"/tenders/{S.Tender}/audit")).Content.ReadAsStringAsync()
        + await (await client.GetAsync($"/tenders/{S.Tender}/juridisch")).Content.ReadAsStringAsync();

    private Task<string> ExportedEventsAsync(HttpClient client) => ExportedAsync(client, "events.jsonl");

    private Task<string> ExportedAsync(HttpClient client, string file) => AuditPackageFiles.ReadAsync(client, S.Tender, file);

    [Fact]
    public async Task Who_applied_is_not_in_the_trail_for_Procurement_or_Admin_until_the_opening()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await S.SubmitAsync(lead, application);
        var zorgplusUser = (await App.Users.EnsureAsync("bo.zorgplus", S.Zorgplus, "Bidder")).Id;

        foreach (var (name, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = App.Procurement, ["Admin"] = S.Admin })
        {
            var seen = await SeenAsync(client());
            Assert.False(seen.Contains(zorgplusUser, StringComparison.Ordinal) || Names(seen), $"{name} learnt who applied from the audit trail before the opening");
            Assert.Contains("sealed:applicant", seen, StringComparison.Ordinal);
        }
        Assert.Contains(zorgplusUser, (await App.Legal().GetArrayAsync($"/api/tenders/{S.Tender}/audit")).ToJsonString(), StringComparison.Ordinal);
        var global = (await S.Admin().GetArrayAsync("/api/audit/events?action=application.submitted")).ToJsonString();
        Assert.DoesNotContain(zorgplusUser, global, StringComparison.Ordinal);
        // The organisation's id is not in the events' subjects either (tender.participant.added is about organisation/{id}).
        Assert.DoesNotContain(S.Zorgplus.ToString(), await SeenAsync(App.Procurement()), StringComparison.OrdinalIgnoreCase);
        // Nor in the audit package Procurement may download.
        var package = await ExportedEventsAsync(App.Procurement());
        Assert.DoesNotContain(zorgplusUser, package, StringComparison.Ordinal);
        Assert.DoesNotContain(S.Zorgplus.ToString(), package, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sealed applicant", package, StringComparison.Ordinal);
        Assert.Contains(zorgplusUser, await ExportedEventsAsync(App.Legal()), StringComparison.Ordinal);
        // The package's document list neither: a sealed file's name and its owner (…/member/{organisation}) both name the applicant.
        var documents = await ExportedAsync(App.Procurement(), "documents.jsonl");
        Assert.Contains("\"kind\":\"selection.gva\"", documents, StringComparison.Ordinal);
        Assert.DoesNotContain(S.Zorgplus.ToString(), documents, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(S.Zorgplus.ToString(), await ExportedAsync(App.Legal(), "documents.jsonl"), StringComparison.OrdinalIgnoreCase);

        // Who saw what lists the documents, but a sealed file's name (gva-{organisation}.pdf names the applicant here) waits for the opening.
        Assert.Contains($"gva-{S.Zorgplus}.pdf", (await App.Legal().GetArrayAsync($"/api/tenders/{S.Tender}/legal/reads")).ToJsonString(), StringComparison.Ordinal);

        await S.CloseApplicationsAsync();
        await S.OpenAsync();
        Assert.Contains(zorgplusUser, (await App.Procurement().GetArrayAsync($"/api/tenders/{S.Tender}/audit")).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($"gva-{S.Zorgplus}.pdf", (await App.Procurement().GetArrayAsync($"/api/tenders/{S.Tender}/legal/reads")).ToJsonString(), StringComparison.Ordinal);
    }
}
