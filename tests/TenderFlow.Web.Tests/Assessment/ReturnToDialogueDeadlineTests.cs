using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Assessment;

/// <summary>
/// After an insufficient assessment the tender returns to the dialogue. The first round's submission deadline has passed
/// and is watched again: Procurement plans the new round's moment as an ordinary change, without recording an outage.
/// </summary>
public sealed class ReturnToDialogueDeadlineTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task After_returning_to_the_dialogue_Procurement_plans_a_new_submission_close_without_claiming_an_outage()
    {
        var w = await CreateAsync(_app);
        await w.ReturnToDialogueAfterAnInsufficientRoundAsync();
        Assert.Equal("dialogue", await w.Dialogue.PhaseAsync());
        var firstRound = await w.DbAsync(db => db.TenderDeadlines.AsNoTracking().SingleAsync(d => d.TenderId == w.TenderId && d.Key == "submissionClose"));

        var page = WebUtility.HtmlDecode(await (await w.Procurement().GetAsync($"/tenders/{w.Tender}/termijnen")).Content.ReadAsStringAsync());
        Assert.Contains("Deze termijn verstreek voordat de aanbesteding (weer) in deze fase kwam: plan een nieuw moment voor deze ronde.", page);

        var newRound = AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime.AddDays(60)).Date.AddHours(12);
        var changed = await w.Procurement().PutAsJsonAsync($"/api/tenders/{w.Tender}/deadlines/submissionClose", new
        {
            dueAt = newRound.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            reason = "Tweede inschrijvingsronde na de nieuwe dialoogronde",
            outage = false,
        });

        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var due = await w.DbAsync(db => db.TenderDeadlines.AsNoTracking().SingleAsync(d => d.TenderId == w.TenderId && d.Key == "submissionClose"));
        Assert.Equal(AmsterdamTime.ToUtcLenient(newRound), due.DueAtUtc);
        var audit = await w.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var recorded = Assert.Single(audit, e => e!["action"]!.GetValue<string>() is "deadline.rectified" or "deadline.extended")!;
        Assert.Equal("deadline.rectified", recorded["action"]!.GetValue<string>());
        var payload = recorded["payload"]!;
        Assert.True(payload["newRound"]!.GetValue<bool>());
        Assert.False(payload["outage"]!.GetValue<bool>());
        Assert.Equal(firstRound.DueAtUtc, payload["oldDueAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        var told = await w.DbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == "deadline.changed").Select(n => n.TextNl).ToListAsync());
        Assert.NotEmpty(told);
        Assert.All(told, text => Assert.Contains("voor een nieuwe ronde opnieuw gepland", text));
        Assert.DoesNotContain(told, text => text.Contains("storing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Deadlines_that_passed_before_the_return_are_not_announced_to_the_participant_nor_acted_on_Procurement_is_asked_to_plan_them()
    {
        var w = await CreateAsync(_app);
        await w.ReturnToDialogueAfterAnInsufficientRoundAsync();
        var participants = await w.DbAsync(db => Web.Features.Participation.SelectedParticipant.UserIdsAsync(db, w.TenderId, CancellationToken.None));
        var before = await w.DbAsync(db => db.Notifications.AsNoTracking().Select(n => n.Id).ToListAsync());

        // The planned dialogue end (15 July) and the first round's submission close (1 Sept) both passed while the tender was elsewhere.
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.Deadlines.DeadlineJobRunner>().RunDueAsync(w.TenderId, CancellationToken.None);
        }

        Assert.Equal("dialogue", await w.Dialogue.PhaseAsync());
        var sent = await w.DbAsync(db => db.Notifications.AsNoTracking().Where(n => !before.Contains(n.Id)).ToListAsync());
        Assert.DoesNotContain(sent, n => participants.Contains(n.UserId));
        var replan = sent.Where(n => n.Kind == "deadline.replan").Select(n => n.TextNl).ToList();
        Assert.Contains(replan, text => text.Contains("Geplande afronding dialoog", StringComparison.Ordinal) && text.Contains("Plan een nieuw moment", StringComparison.Ordinal));
        Assert.Contains(replan, text => text.Contains("Sluiting inschrijving", StringComparison.Ordinal));
        var audit = await w.Legal().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.DoesNotContain(audit, e => e!["action"]!.GetValue<string>() == "deadline.trigger.refused");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "deadline.passed" && e["payload"]!["beforeItsWindow"]?.GetValue<bool>() == true);
        // Nor escalated as overdue: the phase did not fail to move on in time, it was not watching that moment.
        Assert.DoesNotContain(sent, n => n.Kind == "deadline.escalated");
        Assert.DoesNotContain(audit, e => e!["action"]!.GetValue<string>() == "deadline.escalated");
    }
}
