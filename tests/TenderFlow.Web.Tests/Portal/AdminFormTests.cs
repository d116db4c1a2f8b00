using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

public sealed class AdminFormTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Organisation(string kvk, string postalCode = "3511 BD") => new()
    {
        ["Input.Name"] = "Stichting Wijkzorg Overvecht",
        ["Input.KvkNumber"] = kvk,
        ["Input.Address"] = "Vredenburg 40",
        ["Input.PostalCode"] = postalCode,
        ["Input.City"] = "Utrecht",
    };

    private async Task<int> OrganisationCountAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().Organisations.CountAsync();
    }

    [Theory]
    [InlineData("nl", "Een KvK-nummer heeft precies 8 cijfers.", "Vul een Nederlandse postcode in")]
    [InlineData("en", "A KvK number has exactly 8 digits.", "Enter a Dutch postal code")]
    public async Task Field_errors_are_shown_in_the_chosen_language_and_nothing_is_stored(string culture, string kvkError, string postalError)
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (badKvk, html) = await PortalForms.PostAsync(admin, $"/admin/organisations/edit?culture={culture}", Organisation("1234567"));
        Assert.Equal(HttpStatusCode.OK, badKvk.StatusCode);
        Assert.Contains(kvkError, WebUtility.HtmlDecode(html));
        Assert.Contains($"lang=\"{culture}\"", html);
        Assert.Matches("<input[^>]*name=\"Input.KvkNumber\"[^>]*aria-invalid=\"true\"|<input[^>]*aria-invalid=\"true\"[^>]*name=\"Input.KvkNumber\"", html);
        Assert.DoesNotMatch("<input[^>]*name=\"Input.Name\"[^>]*aria-invalid", html);

        var (_, postalHtml) = await PortalForms.PostAsync(admin, $"/admin/organisations/edit?culture={culture}", Organisation("12345678", "35 XYZ"));
        Assert.Contains(postalError, WebUtility.HtmlDecode(postalHtml));

        var (_, emptyHtml) = await PortalForms.PostAsync(admin, $"/admin/organisations/edit?culture={culture}", new Dictionary<string, string>());
        Assert.Contains(culture == "nl" ? "Vul de naam van de organisatie in." : "Enter the organisation's name.", WebUtility.HtmlDecode(emptyHtml));
        Assert.Equal(0, await OrganisationCountAsync());
    }

    [Fact]
    public async Task A_valid_organisation_is_saved_normalised_and_audited()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (response, _) = await PortalForms.PostAsync(admin, "/admin/organisations/edit", Organisation("1234 5678", "3511bd"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = _app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().Organisations.SingleAsync();
        Assert.Equal("12345678", saved.KvkNumber);
        Assert.Equal("3511 BD", saved.PostalCode);
        var events = await _app.Legal().GetArrayAsync("/api/audit/events?action=organisation.created");
        Assert.Single(events);

        var (duplicate, html) = await PortalForms.PostAsync(admin, "/admin/organisations/edit", Organisation("12345678"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Een andere organisatie heeft dit KvK-nummer al.", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Creating_a_user_and_changing_roles_is_audited_role_by_role()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (created, createdHtml) = await PortalForms.PostAsync(admin, "/admin/users/edit", new Dictionary<string, string>
        {
            ["Input.UserName"] = "jan.jurist", ["Input.Email"] = "jan@example.test", ["Input.DisplayName"] = "Jan de Jurist",
            ["Input.Language"] = "nl", ["Input.Roles"] = "Legal", ["Input.Password"] = "Juridisch-Sterk-2027",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, createdHtml);

        string id;
        using (var scope = _app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>().FindByNameAsync("jan.jurist"))!.Id;
        }
        var (changed, _) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Jan de Jurist", ["Input.Language"] = "nl", ["Input.Roles"] = "Procurement",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var added = await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.added");
        var removed = await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.removed");
        Assert.Contains(added, e => e!["subject"]!.GetValue<string>() == $"user/{id}" && e["payload"]!["role"]!.GetValue<string>() == "Legal");
        Assert.Contains(added, e => e!["subject"]!.GetValue<string>() == $"user/{id}" && e["payload"]!["role"]!.GetValue<string>() == "Procurement");
        Assert.Contains(removed, e => e!["subject"]!.GetValue<string>() == $"user/{id}" && e["payload"]!["role"]!.GetValue<string>() == "Legal");
        Assert.All(added.Concat(removed), e => Assert.Equal("Admin", e!["actorRole"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_bidder_user_needs_an_organisation_and_a_weak_password_is_refused()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (noOrg, html) = await PortalForms.PostAsync(admin, "/admin/users/edit?culture=en", new Dictionary<string, string>
        {
            ["Input.UserName"] = "bo.bidder", ["Input.Email"] = "bo@example.test", ["Input.DisplayName"] = "Bo",
            ["Input.Roles"] = "Bidder", ["Input.Password"] = "Sterk-Wachtwoord-2027",
        });
        Assert.Equal(HttpStatusCode.OK, noOrg.StatusCode);
        Assert.Contains("A bidder user belongs to an organisation.", html);

        var (weak, _) = await PortalForms.PostAsync(admin, "/admin/users/edit", new Dictionary<string, string>
        {
            ["Input.UserName"] = "pia.partner", ["Input.Email"] = "pia@example.test", ["Input.DisplayName"] = "Pia",
            ["Input.Roles"] = "Partner", ["Input.Password"] = "short",
        });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
        Assert.Null(await users.FindByNameAsync("bo.bidder"));
        Assert.Null(await users.FindByNameAsync("pia.partner"));
    }

    private async Task<(string Id, IList<string> Roles, TenderFlowUser User)> UserAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return (user.Id, await users.GetRolesAsync(user), user);
    }

    private async Task<int> RoleEventCountAsync() =>
        (await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.added")).Count
        + (await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.removed")).Count;

    [Fact]
    public async Task A_market_party_person_cannot_also_hold_a_role_of_the_contracting_authority()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var bidder = await _app.Users.EnsureAsync("bo.bidder", await _app.OrganisationAsync("Zorgplus Utrecht", "41234567"), "Bidder");
        var before = await RoleEventCountAsync();

        var (changed, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{bidder.Id}?culture=en", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bo", ["Input.Language"] = "nl", ["Input.OrganisationId"] = bidder.OrganisationId!.Value.ToString(),
            ["Input.Roles[0]"] = "Bidder", ["Input.Roles[1]"] = "Evaluator",
        });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("A person of a market party cannot also hold a role of the contracting authority.", html);
        Assert.Equal(["Bidder"], (await UserAsync("bo.bidder")).Roles);
        Assert.Equal(before, await RoleEventCountAsync());
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_roles_but_may_change_their_name()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (id, _, _) = await UserAsync("ada.admin");

        var (refused, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{id}?culture=en", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada", ["Input.Language"] = "nl", ["Input.Roles[0]"] = "Admin", ["Input.Roles[1]"] = "Legal",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You cannot change your own roles", html);
        Assert.Equal(["Admin"], (await UserAsync("ada.admin")).Roles);

        var (renamed, _) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada Admin", ["Input.Language"] = "en", ["Input.Roles[0]"] = "Admin",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var (_, roles, user) = await UserAsync("ada.admin");
        Assert.Equal(["Admin"], roles);
        Assert.Equal("Ada Admin", user.DisplayName);
        // The language the form offers is stored (mail goes out in it) and audited.
        Assert.Equal("en", user.PreferredLanguage);
        var changed = await _app.Legal().GetArrayAsync("/api/audit/events?action=user.changed");
        Assert.Contains(changed, e => e!["subject"]!.GetValue<string>() == $"user/{id}" && e["payload"]!["language"]!.GetValue<string>() == "en");
    }

    [Fact]
    public async Task An_administrator_whose_Admin_role_was_taken_away_changes_nobody_even_with_an_older_token()
    {
        var ada = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var bea = await PortalForms.SignedInAsync(_app, "bea.beheer", "Admin");
        var (adaId, _, _) = await UserAsync("ada.admin");
        var (beaId, _, _) = await UserAsync("bea.beheer");
        // Bea's token is checked against her account now and not again for up to a minute (IdentitySetup.SessionRecheckInterval).
        Assert.Equal(HttpStatusCode.OK, (await bea.GetAsync("/admin/users")).StatusCode);

        var (removed, _) = await PortalForms.PostAsync(ada, $"/admin/users/edit/{beaId}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bea", ["Input.Language"] = "nl", ["Input.Roles[0]"] = "Procurement",
        });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        // Within that minute Bea's token still says Admin; the database no longer does.
        var (refused, html) = await PortalForms.PostAsync(bea, $"/admin/users/edit/{adaId}?culture=en", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada", ["Input.Language"] = "nl", ["Input.Roles[0]"] = "Procurement",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You no longer hold the Admin role.", html);
        Assert.Equal(["Admin"], (await UserAsync("ada.admin")).Roles);
    }

    [Fact]
    public async Task An_organisation_that_does_not_exist_is_a_field_error_not_a_server_error()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");

        var (response, html) = await PortalForms.PostAsync(admin, "/admin/users/edit?culture=en", new Dictionary<string, string>
        {
            ["Input.UserName"] = "bo.bidder", ["Input.Email"] = "bo@example.test", ["Input.DisplayName"] = "Bo", ["Input.Language"] = "nl",
            ["Input.OrganisationId"] = Guid.NewGuid().ToString(), ["Input.Roles[0]"] = "Bidder", ["Input.Password"] = "Sterk-Wachtwoord-2027",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This organisation does not exist.", html);
        Assert.Null((await UserAsyncOrNull("bo.bidder")));
    }

    private async Task<TenderFlowUser?> UserAsyncOrNull(string userName)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>().FindByNameAsync(userName);
    }

    [Fact]
    public async Task An_evaluator_of_a_running_tender_keeps_the_role_until_it_is_closed()
    {
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var evaluator = await _app.Users.EnsureAsync("eva.beoordelaar", null, "Evaluator");
        var tender = Guid.Parse((await _app.Procurement().CreateTenderAsync()).Id());
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
            db.EvaluatorAssignments.Add(new TenderFlow.Domain.Tenders.EvaluatorAssignment { TenderId = tender, UserId = evaluator.Id, AssignedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (refused, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{evaluator.Id}?culture=en", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Eva", ["Input.Language"] = "nl", ["Input.Roles[0]"] = "Procurement",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This person evaluates a tender that is still running", html);
        Assert.Equal(["Evaluator"], (await UserAsync("eva.beoordelaar")).Roles);
    }
}
