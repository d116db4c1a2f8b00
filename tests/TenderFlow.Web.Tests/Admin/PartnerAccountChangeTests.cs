using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Dialogue;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Admin;

/// <summary>
/// A partner reads the confidential dialogue because of who they are: an administrator who takes the Partner role away or
/// moves the person to another organisation ends their invitations, in the same save and in the audit trail; giving the
/// role back later does not bring old invitations back.
/// </summary>
public sealed class PartnerAccountChangeTests(DialogueFixture f) : IClassFixture<DialogueFixture>
{
    /// <summary>A new partner invited to theme A who accepted the declaration and reads the theme.</summary>
    private async Task<string> InvitedPartnerAsync(string userName)
    {
        var id = (await f.App.Users.EnsureAsync(userName, null, "Partner")).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/partners", new { userId = id })).StatusCode);
        var partner = await FreshSignInAsync(userName);
        Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsJsonAsync($"{f.Api}/declaration", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{f.Api}/themes/{f.ThemeA}")).StatusCode);
        return id;
    }

    /// <summary>Signs in anew, so the token carries what the account holds now.</summary>
    private async Task<HttpClient> FreshSignInAsync(string userName)
    {
        var client = f.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = userName, password = TestUsers.Password });
        var body = await login.Content.ReadAsStringAsync();
        Assert.True(login.IsSuccessStatusCode, body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["accessToken"]!.GetValue<string>());
        return client;
    }

    private async Task<(HttpResponseMessage Response, string Html)> EditAsync(string userId, Guid? organisation, params string[] roles)
    {
        var admin = await PortalForms.SignedInAsync(f.App, "ada.admin", "Admin");
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Pia", ["Input.Language"] = "nl" };
        if (organisation is { } o)
        {
            fields["Input.OrganisationId"] = o.ToString();
        }
        for (var i = 0; i < roles.Length; i++)
        {
            fields[$"Input.Roles[{i}]"] = roles[i];
        }
        return await PortalForms.PostAsync(admin, $"/admin/users/edit/{userId}?culture=en", fields);
    }

    private static void AssertNoDialogue(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");

    private async Task<List<JsonNode>> RevocationsOfAsync(string partnerId) =>
        (await f.AuditAsync("dialogue.partner.revoked")).Where(e => e["payload"]!["partner"]!.GetValue<string>() == partnerId).ToList();

    private async Task<string> AdminIdAsync()
    {
        using var scope = f.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().Users.SingleAsync(u => u.UserName == "ada.admin")).Id;
    }

    [Fact]
    public async Task A_partner_cannot_also_be_a_bidder_and_moving_her_to_a_candidate_ends_her_dialogue_access()
    {
        var pia = await InvitedPartnerAsync("pia.verhuist");
        var rejected = f.World.Rejected.Organisations[0];

        var (both, html) = await EditAsync(pia, rejected, "Bidder", "Partner");
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        Assert.Contains("A partner of the dialogue cannot also be a bidder", WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.OK, (await (await FreshSignInAsync("pia.verhuist")).GetAsync($"{f.Api}/themes/{f.ThemeA}")).StatusCode);
        Assert.Empty(await RevocationsOfAsync(pia));

        // Still a partner, but now employed by a candidate the municipality rejected.
        var (moved, movedHtml) = await EditAsync(pia, rejected, "Partner");
        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, movedHtml);

        var partner = await FreshSignInAsync("pia.verhuist");
        AssertNoDialogue(await partner.GetAsync($"{f.Api}/themes/{f.ThemeA}"));
        AssertNoDialogue(await partner.GetAsync($"{f.Api}/themes"));
        var revoked = Assert.Single(await RevocationsOfAsync(pia));
        Assert.Equal("Admin", revoked["actorRole"]!.GetValue<string>());
        Assert.Equal($"dialogue-theme/{f.ThemeA}", revoked["subject"]!.GetValue<string>());
        using var scope = f.App.Services.CreateScope();
        var invitation = await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().DialoguePartnerInvitations.SingleAsync(i => i.UserId == pia);
        Assert.NotNull(invitation.RevokedAtUtc);
        Assert.Equal(await AdminIdAsync(), invitation.RevokedByUserId);
    }

    [Fact]
    public async Task A_partner_who_becomes_a_bidder_loses_the_invitations_for_good()
    {
        var pia = await InvitedPartnerAsync("pia.bieder");
        var rejected = f.World.Rejected.Organisations[0];

        var (changed, html) = await EditAsync(pia, rejected, "Bidder");
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, html);
        Assert.Single(await RevocationsOfAsync(pia));

        var (back, backHtml) = await EditAsync(pia, null, "Partner");
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, backHtml);
        AssertNoDialogue(await (await FreshSignInAsync("pia.bieder")).GetAsync($"{f.Api}/themes/{f.ThemeA}"));
    }

    [Fact]
    public async Task Giving_the_Partner_role_back_does_not_revive_old_invitations()
    {
        var pia = await InvitedPartnerAsync("pia.terug");

        // A name change alone leaves the invitations alone.
        var (renamed, renamedHtml) = await EditAsync(pia, null, "Partner");
        Assert.True(renamed.StatusCode == HttpStatusCode.Redirect, renamedHtml);
        Assert.Equal(HttpStatusCode.OK, (await (await FreshSignInAsync("pia.terug")).GetAsync($"{f.Api}/themes/{f.ThemeA}")).StatusCode);
        Assert.Empty(await RevocationsOfAsync(pia));

        var (removed, removedHtml) = await EditAsync(pia, null);
        Assert.True(removed.StatusCode == HttpStatusCode.Redirect, removedHtml);
        var (restored, restoredHtml) = await EditAsync(pia, null, "Partner");
        Assert.True(restored.StatusCode == HttpStatusCode.Redirect, restoredHtml);

        var partner = await FreshSignInAsync("pia.terug");
        AssertNoDialogue(await partner.GetAsync($"{f.Api}/themes/{f.ThemeA}"));
        Assert.Single(await RevocationsOfAsync(pia));

        // Procurement may invite her again, knowingly: that is a new, audited invitation.
        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/partners", new { userId = pia })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{f.Api}/themes/{f.ThemeA}")).StatusCode);
    }

    [Fact]
    public async Task Procurement_s_own_revocation_writes_the_same_event()
    {
        var pia = await InvitedPartnerAsync("pia.ingetrokken");

        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().DeleteAsync($"{f.Api}/themes/{f.ThemeA}/partners/{pia}")).StatusCode);

        AssertNoDialogue(await (await FreshSignInAsync("pia.ingetrokken")).GetAsync($"{f.Api}/themes/{f.ThemeA}"));
        var revoked = Assert.Single(await RevocationsOfAsync(pia));
        Assert.Equal("Procurement", revoked["actorRole"]!.GetValue<string>());
        Assert.Equal($"dialogue-theme/{f.ThemeA}", revoked["subject"]!.GetValue<string>());
    }
}
