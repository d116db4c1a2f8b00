using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;
using TenderFlow.Web.Tests.Questions;

namespace TenderFlow.Web.Tests.Legal;

/// <summary>The legal timeline says for which organisation someone acted then, not the one an administrator moved them to later.</summary>
public sealed class OrganisationAtTheTimeTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_question_stays_attributed_to_the_organisation_the_asker_belonged_to_when_asking()
    {
        var world = await new QaWorld(_app).StartAsync();
        var admin = await PortalForms.SignedInAsync(_app, "ada.admin", "Admin");
        var (created, html) = await PortalForms.PostAsync(admin, "/admin/users/edit", new Dictionary<string, string>
        {
            ["Input.UserName"] = "vera.vroeg", ["Input.Email"] = "vera@example.test", ["Input.DisplayName"] = "Vera Vroeg", ["Input.Language"] = "nl",
            ["Input.Roles"] = "Bidder", ["Input.OrganisationId"] = world.AskerOrganisationId.ToString(), ["Input.Password"] = TestUsers.Password,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, html);
        await QaWorld.AskAsync(await _app.Users.ClientAsync("vera.vroeg", world.AskerOrganisationId, "Bidder"), world.Tender, "Telt ervaring in Zeist mee?");

        string id;
        using (var scope = _app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>().FindByNameAsync("vera.vroeg"))!.Id;
        }
        var (moved, _) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Vera Vroeg", ["Input.Language"] = "nl", ["Input.Roles"] = "Bidder", ["Input.OrganisationId"] = world.OtherOrganisationId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var timeline = await _app.Legal().GetJsonAsync($"/api/tenders/{world.Tender}/legal/timeline");
        var asked = timeline["events"]!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "question.asked")!;
        Assert.Equal(QaWorld.AskerOrganisation, asked["organisationName"]?.GetValue<string>());
    }
}
