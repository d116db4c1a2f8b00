using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Specification.SpecificationWorld;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>
/// The dialogue and the final specification ran late: the planned submission close passed before submission opened.
/// Opening the submission then would close it the moment it opened (the participant could never tender), so the step waits
/// for a new moment, which Procurement may plan although the old one passed.
/// </summary>
public sealed class LateSubmissionCloseTests
{
    [Fact]
    public async Task A_submission_close_that_passed_during_the_specification_is_planned_anew_before_submission_opens()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        await world.DraftAsync();
        await NoContentAsync(world.ReviewAsync(1, true, "Akkoord."));
        var procurement = app.Procurement();
        var participants = world.Db(db => Web.Features.Participation.SelectedParticipant.UserIdsAsync(db, world.Dialogue.TenderId, CancellationToken.None).Result);
        var before = world.Db(db => db.Notifications.AsNoTracking().Select(n => n.Id).ToList());

        await world.Dialogue.ClockAtAsync("submissionClose", TimeSpan.FromHours(2));
        await app.RunDueDeadlineJobsAsync();
        procurement = app.Procurement();

        // Nothing was open to close: the participant is not told that submission closed; Procurement is asked for a new moment.
        var sent = world.Db(db => db.Notifications.AsNoTracking().Where(n => !before.Contains(n.Id)).ToList());
        Assert.DoesNotContain(sent, n => participants.Contains(n.UserId));
        Assert.Contains(sent, n => n.Kind == "deadline.replan" && n.TextNl.Contains("Sluiting inschrijving", StringComparison.Ordinal));
        var audit = await app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "deadline.passed" && e["payload"]!["beforeItsPhase"]?.GetValue<bool>() == true);
        Assert.DoesNotContain(audit, e => e!["action"]!.GetValue<string>() == "deadline.trigger.refused");

        var refused = await (await procurement.FireAsync(world.Tender, "openSubmission")).ProblemAsync(409);
        var unmet = Assert.Single(refused["unmetGuards"]!.AsArray());
        Assert.Equal("deadline.ahead(submissionClose)", unmet!["guard"]!.GetValue<string>());
        Assert.Equal("specification", await world.Dialogue.PhaseAsync());

        var page = WebUtility.HtmlDecode(await (await procurement.GetAsync($"/tenders/{world.Tender}/termijnen")).Content.ReadAsStringAsync());
        Assert.Contains("Deze termijn verstreek voordat de fase begon die hij sluit", page);
        var newClose = AmsterdamTime.ToLocal(app.Clock.GetUtcNow().UtcDateTime.AddDays(42)).Date.AddHours(12);
        var changed = await procurement.PutAsJsonAsync($"/api/tenders/{world.Tender}/deadlines/submissionClose", new
        {
            dueAt = newClose.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            reason = "De dialoog liep uit; zes weken inschrijvingstermijn vanaf nu",
            outage = false,
        });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var recorded = (await app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit")).Last(e => e!["action"]!.GetValue<string>().StartsWith("deadline.", StringComparison.Ordinal))!;
        Assert.True(recorded["payload"]!["beforeItsPhase"]!.GetValue<bool>());
        Assert.False(recorded["payload"]!["outage"]!.GetValue<bool>());
        var told = world.Db(db => db.Notifications.AsNoTracking().Where(n => n.Kind == "deadline.changed" && participants.Contains(n.UserId)).Select(n => n.TextNl).ToList());
        Assert.Contains(told, text => text.Contains("opnieuw gepland, omdat de termijn verstreek voordat de fase begon", StringComparison.Ordinal));

        var opened = await procurement.FireAsync(world.Tender, "openSubmission");
        Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var submission = await world.Dialogue.ParticipantClient().GetJsonAsync($"/api/tenders/{world.Tender}/submission");
        Assert.True(submission["windowOpen"]!.GetValue<bool>());
    }
}
