using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>
/// What was submitted is what the vault holds: any change to a submitted application (answers, references, documents)
/// before the deadline returns it to draft, so it is checked for completeness and submitted again, or not at all.
/// </summary>
public sealed class ChangeAfterSubmitTests : ApplicationTestBase
{
    private async Task<string> StatusAsync(HttpClient lead, string application) =>
        (await lead.GetJsonAsync($"{S.Applications}/{application}"))["status"]!.GetValue<string>();

    [Fact]
    public async Task Removing_a_reference_after_submitting_returns_the_application_to_draft_and_it_cannot_be_submitted_incomplete()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await S.SubmitAsync(lead, application);
        var reference = (await lead.GetJsonAsync($"{S.Applications}/{application}"))["references"]!.AsArray().First()!["id"]!.GetValue<string>();

        await SelectionScenario.Ok(lead.DeleteAsync($"{S.Applications}/{application}/references/{reference}"));

        var view = await lead.GetJsonAsync($"{S.Applications}/{application}");
        Assert.Equal("Draft", view["status"]!.GetValue<string>());
        Assert.Null(view["submittedAtUtc"]);
        var refused = await (await lead.PostAsync($"{S.Applications}/{application}/submit", null)).ProblemAsync(409);
        Assert.Equal("IncompleteApplicationRule", refused["rule"]!.GetValue<string>());
        var audit = await App.Legal().GetArrayAsync($"/api/tenders/{S.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "application.returnedToDraft");
    }

    [Fact]
    public async Task A_member_removed_after_the_application_returned_to_draft_is_no_longer_a_participant_of_the_tender()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus, "Utrechtse Combinatie", ("87654321", "MainContractor", S.Buurtzorg));
        await S.SubmitAsync(lead, application);
        Assert.Equal(2, S.Db(db => db.TenderParticipants.Count(p => p.TenderId == S.TenderId)));

        // A change makes the application a draft, and in a draft the lead may change its members again.
        await SelectionScenario.Ok(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers", new
        {
            answers = new[] { new { condition = Domain.Selection.SelectionConditions.All[0].Key, complies = true, explanation = "Aangevuld." } },
        }));
        await SelectionScenario.Ok(lead.DeleteAsync($"{S.Applications}/{application}/members/{S.Buurtzorg}"));

        Assert.Equal([S.Zorgplus], S.Db(db => db.TenderParticipants.Where(p => p.TenderId == S.TenderId).Select(p => p.OrganisationId).ToList()));
        var audit = await App.Legal().GetArrayAsync($"/api/tenders/{S.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "tender.participant.removed" && e["payload"]!["organisationId"]!.GetValue<string>() == S.Buurtzorg.ToString());
    }

    [Fact]
    public async Task A_members_new_integrity_evidence_returns_the_consortiums_application_to_draft_and_the_lead_is_told()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus, "Utrechtse Combinatie", ("87654321", "MainContractor", S.Buurtzorg));
        await S.SubmitAsync(lead, application);

        await SelectionScenario.Ok(S.UploadAsync(S.Buurtzorg1(), application, TestFiles.Docx("Bibob, vernieuwd"), "bibob-nieuw.docx", "bibob", S.Buurtzorg));

        Assert.Equal("Draft", await StatusAsync(lead, application));
        var leadUser = (await App.Users.EnsureAsync("bo.zorgplus", S.Zorgplus, "Bidder")).Id;
        var told = S.Db(db => db.Notifications.Where(n => n.Kind == "application.returnedToDraft").Select(n => new { n.UserId, n.TextNl }).ToList());
        Assert.Contains(told, n => n.UserId == leadUser && n.TextNl.Contains("Dien haar vóór de termijn opnieuw in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_answers_or_a_new_vision_after_submitting_need_a_new_submission()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await S.SubmitAsync(lead, application);
        await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("Visie, herzien"), "visie-v2.pdf", "vision"));
        Assert.Equal("Draft", await StatusAsync(lead, application));

        await S.SubmitAsync(lead, application);
        Assert.Equal("Submitted", await StatusAsync(lead, application));
        await SelectionScenario.Ok(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers", new
        {
            answers = new[] { new { condition = Domain.Selection.SelectionConditions.All[0].Key, complies = true, explanation = "Aangevuld na het indienen." } },
        }));
        Assert.Equal("Draft", await StatusAsync(lead, application));
    }
}
