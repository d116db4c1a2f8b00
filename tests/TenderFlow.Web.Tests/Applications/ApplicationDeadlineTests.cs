using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>The deadline is decided by the server clock at the request: one tick before it is on time, the deadline instant itself is late.</summary>
public sealed class ApplicationDeadlineTests : ApplicationTestBase
{
    [Fact]
    public async Task Applying_one_tick_before_the_deadline_is_accepted()
    {
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose.AddTicks(-1));
        var application = await S.CreateAsync(S.Zorgplus1());
        Assert.NotNull(application);
    }

    [Fact]
    public async Task Applying_at_the_deadline_instant_is_refused_and_nothing_is_stored()
    {
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose);
        var response = await S.Zorgplus1().PostAsJsonAsync(S.Applications, new { consortiumName = (string?)null });
        var problem = await response.ProblemAsync(409);
        Assert.Equal("ApplicationDeadlinePassedRule", problem["rule"]!.GetValue<string>());
        Assert.Contains("2027-04-01 12:00", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, S.Db(db => db.Applications.Count()));
    }

    [Fact]
    public async Task Changes_uploads_submit_and_withdrawal_after_the_deadline_are_refused()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        var documentsBefore = S.Db(db => db.Documents.Count());
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose);
        lead = S.Zorgplus1();
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => S.UploadAsync(lead, application, TestFiles.Pdf("te laat"), "visie-v2.pdf", "vision"),
            () => lead.PostAsJsonAsync($"{S.Applications}/{application}/references", SelectionScenario.Reference(S.Requirements[0])),
            () => lead.PutAsJsonAsync($"{S.Applications}/{application}/answers", new { answers = new[] { new { condition = "privacy", complies = false, explanation = "later" } } }),
            () => lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "87654321", role = "Subcontractor" }),
            () => lead.PostAsync($"{S.Applications}/{application}/submit", null),
            () => lead.PostAsync($"{S.Applications}/{application}/withdraw", null),
        };
        foreach (var call in calls)
        {
            var problem = await (await call()).ProblemAsync(409);
            Assert.Equal("ApplicationDeadlinePassedRule", problem["rule"]!.GetValue<string>());
        }
        Assert.Equal(documentsBefore, S.Db(db => db.Documents.Count()));
        Assert.Equal("Draft", S.Db(db => db.Applications.Single().Status.ToString()));
        Assert.Single(S.Db(db => db.ApplicationMembers.ToList()));
    }

    [Fact]
    public async Task Applying_before_publication_is_refused_by_the_phase()
    {
        var procurement = App.Procurement();
        var tender = (await procurement.CreateTenderAsync(deadlines: new { publication = "2027-05-01T09:00:00+02:00", applicationsClose = "2027-06-01T12:00:00+02:00" })).Id();
        await procurement.PostAsync($"/api/tenders/{tender}/announce", null);
        var problem = await (await S.Zorgplus1().PostAsJsonAsync($"/api/tenders/{tender}/applications", new { })).ProblemAsync(409);
        Assert.Equal("ApplicationsClosedRule", problem["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_replaced_after_submitting_is_in_the_vault_only_once_the_application_is_submitted_again()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await S.SubmitAsync(lead, application);
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose.AddMinutes(-1));
        lead = S.Zorgplus1();
        var replaced = await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("Visie versie 2"), "visie-v2.pdf", "vision"));
        var receipt = (await replaced.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["receipt"]!;
        Assert.Equal(2, receipt["version"]!.GetValue<int>());
        var visions = S.Db(db => db.Documents.Where(d => d.Kind == "selection.vision").OrderBy(d => d.Version).ToList());
        Assert.Equal(2, visions.Count);
        Assert.NotNull(visions[0].SupersededAtUtc);
        Assert.Null(visions[1].SupersededAtUtc);
        // The vault holds what was submitted: the replaced vision makes it a draft again, submitted anew with a receipt naming version 2.
        Assert.Equal("Draft", S.Db(db => db.Applications.Single().Status.ToString()));
        var resubmitted = await S.SubmitAsync(lead, application);
        Assert.Contains(resubmitted["documents"]!.AsArray(), d => d!["sha256"]!.GetValue<string>() == visions[1].Sha256);
        Assert.DoesNotContain(resubmitted["documents"]!.AsArray(), d => d!["sha256"]!.GetValue<string>() == visions[0].Sha256);
        Assert.Equal("Submitted", S.Db(db => db.Applications.Single().Status.ToString()));
    }
}
