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
}
