using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Admin;

/// <summary>
/// The user form posts the whole role list: a form opened before another administrator saved the same person would
/// silently undo that change, so it is refused and the administrator reloads.
/// </summary>
public sealed partial class ConcurrentUserEditTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [GeneratedRegex("name=\"expectedRevision\" value=\"([0-9]+)\"")]
    private static partial Regex RevisionPattern();

    private static async Task<string> RevisionShownAsync(HttpClient admin, string url)
    {
        var match = RevisionPattern().Match(await admin.GetStringAsync(url));
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }

    private async Task<IList<string>> RolesAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    private static Dictionary<string, string> Form(string revision, params string[] roles)
    {
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Jan", ["Input.Language"] = "nl", ["expectedRevision"] = revision };
        for (var i = 0; i < roles.Length; i++)
        {
            fields[$"Input.Roles[{i}]"] = roles[i];
        }
        return fields;
    }

    [Fact]
    public async Task A_form_opened_before_another_administrator_saved_the_person_is_refused_and_keeps_the_other_change()
    {
        var jan = await _app.Users.EnsureAsync("jan.inkoop", null, "Procurement");
        var ada = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var bea = await PortalForms.SignedInAsync(_app, "bea.beheer", "Admin");
        var url = $"/admin/users/edit/{jan.Id}?culture=en";
        var adaRevision = await RevisionShownAsync(ada, url);
        var beaRevision = await RevisionShownAsync(bea, url);

        var (first, firstHtml) = await PortalForms.PostAsync(ada, url, Form(adaRevision, "Procurement", "Legal"));
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, firstHtml);
        var (second, html) = await PortalForms.PostAsync(bea, url, Form(beaRevision, "Procurement", "Evaluator"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("changed by someone else in the meantime", WebUtility.HtmlDecode(html));
        // What Bea chose stays in her form.
        Assert.Matches("<input[^>]*value=\"Evaluator\"[^>]*checked", html);
        Assert.Equal(["Legal", "Procurement"], (await RolesAsync("jan.inkoop")).Order());
        Assert.DoesNotContain(await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.added"),
            e => e!["payload"]!["role"]!.GetValue<string>() == "Evaluator");

        // After reloading she sees Legal and saves her change on top of it.
        var (again, againHtml) = await PortalForms.PostAsync(bea, url, Form(await RevisionShownAsync(bea, url), "Procurement", "Legal", "Evaluator"));
        Assert.True(again.StatusCode == HttpStatusCode.Redirect, againHtml);
        Assert.Equal(["Evaluator", "Legal", "Procurement"], (await RolesAsync("jan.inkoop")).Order());
    }
}
