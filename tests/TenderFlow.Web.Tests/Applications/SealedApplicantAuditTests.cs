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
        + (await client.GetJsonAsync($"/api/tenders/{S.Tender}/legal/timeline")).ToJsonString()
        + await (await client.GetAsync($"/tenders/{S.Tender}/audit")).Content.ReadAsStringAsync()
        + await (await client.GetAsync($"/tenders/{S.Tender}/juridisch")).Content.ReadAsStringAsync();

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

        await S.CloseApplicationsAsync();
        await S.OpenAsync();
        Assert.Contains(zorgplusUser, (await App.Procurement().GetArrayAsync($"/api/tenders/{S.Tender}/audit")).ToJsonString(), StringComparison.Ordinal);
    }
}
