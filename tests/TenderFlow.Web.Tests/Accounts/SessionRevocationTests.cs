using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Accounts;

/// <summary>
/// A portal session or API bearer token carries the person's roles and organisation. When an administrator changes either,
/// or the password is reset, sessions and tokens already issued stop working within a minute: the person signs in again and
/// gets the new ones.
/// </summary>
public sealed class SessionRevocationTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> PortalSessionAsync(string userName)
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = userName, password = TestUsers.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        Assert.Null(client.DefaultRequestHeaders.Authorization);
        return client;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>().FindByNameAsync(userName))!.Id;
    }

    [Fact]
    public async Task A_lawyer_whose_role_is_taken_away_loses_the_open_session()
    {
        await _app.Users.EnsureAsync("jan.jurist", null, "Legal");
        var session = await PortalSessionAsync("jan.jurist");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/audit/verify")).StatusCode);

        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (changed, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{await UserIdAsync("jan.jurist")}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Jan de Jurist", ["Input.Language"] = "nl", ["Input.Roles"] = "Partner",
        });
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, html);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task A_bidder_moved_to_another_organisation_loses_the_open_session_of_the_old_one()
    {
        var first = await _app.OrganisationAsync("Stichting Wijkzorg Overvecht", "41234567");
        var second = await _app.OrganisationAsync("Zorggroep Leidsche Rijn", "47654321");
        await _app.Users.EnsureAsync("bram.bieder", first, "Bidder");
        var session = await PortalSessionAsync("bram.bieder");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/tenders")).StatusCode);

        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (changed, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{await UserIdAsync("bram.bieder")}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bram de Bieder", ["Input.Language"] = "nl", ["Input.Roles"] = "Bidder", ["Input.OrganisationId"] = second.ToString(),
        });
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, html);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/tenders")).StatusCode);
        var again = await PortalSessionAsync("bram.bieder");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/tenders")).StatusCode);
    }

    private HttpClient BearerClient(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_bidder_moved_to_another_organisation_loses_the_bearer_token_of_the_old_one()
    {
        var first = await _app.OrganisationAsync("Stichting Wijkzorg Overvecht", "41234567");
        var second = await _app.OrganisationAsync("Zorggroep Leidsche Rijn", "47654321");
        var token = BearerClient(await _app.Users.TokenAsync("bram.bieder", first, "Bidder"));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/tenders")).StatusCode);

        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (changed, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{await UserIdAsync("bram.bieder")}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bram de Bieder", ["Input.Language"] = "nl", ["Input.Roles"] = "Bidder", ["Input.OrganisationId"] = second.ToString(),
        });
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, html);
        _app.Clock.Advance(IdentitySetupInterval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/tenders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/tenders")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_of_an_unchanged_person_keeps_working_after_the_recheck()
    {
        var organisation = await _app.OrganisationAsync("Stichting Wijkzorg Overvecht", "41234567");
        var token = BearerClient(await _app.Users.TokenAsync("bram.bieder", organisation, "Bidder"));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/tenders")).StatusCode);

        _app.Clock.Advance(IdentitySetupInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/tenders")).StatusCode);
        _app.Clock.Advance(IdentitySetupInterval * 30);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/tenders")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_of_a_deleted_person_stops_working()
    {
        var token = BearerClient(await _app.Users.TokenAsync("jan.jurist", null, "Legal"));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/audit/verify")).StatusCode);

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByNameAsync("jan.jurist"))!)).Succeeded);
        }
        _app.Clock.Advance(IdentitySetupInterval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/audit/verify")).StatusCode);
    }

    private static TimeSpan IdentitySetupInterval => TenderFlow.Web.Authorization.IdentitySetup.SessionRecheckInterval;
}
