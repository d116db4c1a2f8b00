using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>Deadline jobs on the fake clock: what the Hangfire server does when it runs the jobs that are due.</summary>
public class DeadlineJobTests
{
    [Fact]
    public async Task At_the_deadline_the_scheduler_closes_the_applications_through_the_same_audited_step_and_only_once()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Jobs(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        Assert.Equal(DeadlineJobState.Scheduled, close.State);

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddTicks(-1));
        await app.RunDueDeadlineJobsAsync();
        Assert.Equal("publication", app.Phase(tender));
        Assert.DoesNotContain(app.Events(tender, "deadline.passed"), e => e.Subject.EndsWith("applicationsClose", StringComparison.Ordinal));

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddSeconds(2));
        await app.RunDueDeadlineJobsAsync();

        Assert.Equal("selection", app.Phase(tender));
        var passed = Assert.Single(app.Events(tender, "deadline.passed"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
        Assert.Equal("System", passed.ActorRole);
        Assert.False(passed.Payload()["late"]!.GetValue<bool>());
        Assert.Equal(2, passed.Payload()["lateBySeconds"]!.GetValue<double>());
        var fired = Assert.Single(app.Events(tender, "tender.trigger.fired"), e => e.Payload()["trigger"]!.GetValue<string>() == "closeApplications");
        Assert.Equal("system:scheduler", fired.ActorId);
        Assert.True(fired.Sequence > passed.Sequence);
        Assert.Equal(DeadlineJobState.Done, app.Jobs(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close).State);

        // A second delivery of the same job (Hangfire retried, a second server, the sweep) finds nothing to claim.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunAsync(close.Id, CancellationToken.None));
        }
        Assert.Equal(0, await app.RunDueDeadlineJobsAsync());
        Assert.Single(app.Events(tender, "tender.trigger.fired"), e => e.Payload()["trigger"]!.GetValue<string>() == "closeApplications");
    }

    [Fact]
    public async Task Entering_a_phase_plans_its_deadlines_and_leaving_it_cancels_what_did_not_run()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);

        // Publication left consultation: the publication date's close and escalation were cancelled, not run.
        Assert.All(app.Jobs(tender, "publication"), j => Assert.Equal(DeadlineJobState.Cancelled, j.State));
        var questions = app.Jobs(tender, "questionsClose");
        Assert.Contains(questions, j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Scheduled);
        // Questions close in two days: the one-day reminder is planned, the seven-day one had already gone.
        Assert.Equal(["P1D"], questions.Where(j => j.Kind == DeadlineJobKind.Reminder).Select(j => j.Offset));

        var procurement = app.Procurement();
        var cancelled = await procurement.FireAsync(tender.ToString(), "cancel", "Budget ingetrokken door de raad");
        Assert.True(cancelled.IsSuccessStatusCode);
        Assert.DoesNotContain(app.Db(db => db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tender).ToList()), j => j.State == DeadlineJobState.Scheduled);

        app.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await app.RunDueDeadlineJobsAsync());
        Assert.Empty(app.Events(tender, "deadline.passed"));
    }

    [Fact]
    public async Task A_job_whose_deadline_moved_underneath_it_does_nothing_when_it_runs()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Jobs(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        app.Db(db =>
        {
            var row = db.TenderDeadlines.Single(d => d.TenderId == tender && d.Key == "applicationsClose");
            row.DueAtUtc = close.DeadlineDueAtUtc.AddDays(7);
            return db.SaveChanges();
        });

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMinutes(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(DeadlineJobState.Skipped, await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunAsync(close.Id, CancellationToken.None));
        }

        Assert.Equal("publication", app.Phase(tender));
        Assert.Equal("skipped: the deadline was moved", app.Jobs(tender, "applicationsClose").Single(j => j.Id == close.Id).Outcome);
        Assert.DoesNotContain(app.Events(tender, "deadline.passed"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_reach_the_people_the_deadline_concerns_with_the_moment_in_Amsterdam_time_and_a_calendar_entry()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var reminder = app.Jobs(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Reminder);
        var procurementUser = app.Db(db => db.Users.Single(u => u.UserName == "anna.inkoper").Id);

        app.Clock.SetUtcNow(new DateTimeOffset(reminder.RunAtUtc, TimeSpan.Zero));
        await app.RunDueDeadlineJobsAsync();

        var notification = app.Db(db => db.Notifications.AsNoTracking().Single(n => n.UserId == procurementUser && n.Kind == "deadline.reminder"));
        // 2027-03-03 09:00 UTC is 10:00 in Amsterdam (winter time).
        Assert.Contains("Sluiting vragen' verloopt op 2027-03-03 10:00", notification.TextNl);
        Assert.Contains("'Questions close' falls due on 2027-03-03 10:00", notification.TextEn);
        Assert.Equal(new DateTime(2027, 3, 3, 9, 0, 0, DateTimeKind.Utc), notification.Calendar!.StartUtc);
        Assert.Equal($"deadline-{tender:N}-questionsClose@tenderflow", notification.Calendar.Uid);
        var sent = Assert.Single(app.Events(tender, "deadline.reminder.sent"));
        Assert.Equal("P1D", sent.Payload()["before"]!.GetValue<string>());
        Assert.Equal("publication", app.Phase(tender));
    }

    [Fact]
    public async Task A_deadline_whose_step_cannot_be_taken_is_recorded_and_escalated_to_procurement()
    {
        using var app = new TenderFlowFactory();
        var procurement = app.Procurement();
        // Still in the consultation when the applications close: closeApplications is only possible from publication.
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = app.Clock.GetUtcNow().AddDays(5),
            ["applicationsClose"] = app.Clock.GetUtcNow().AddDays(1),
        })).Id());

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunDueDeadlineJobsAsync();

        Assert.Equal("consultation", app.Phase(tender));
        var refused = Assert.Single(app.Events(tender, "deadline.trigger.refused"));
        Assert.Equal("closeApplications", refused.Payload()["trigger"]!.GetValue<string>());
        Assert.Equal("TriggerNotAvailableInPhaseRule", refused.Payload()["rule"]!.GetValue<string>());
        var procurementUser = app.Db(db => db.Users.Single(u => u.UserName == "anna.inkoper").Id);
        Assert.Contains(app.Db(db => db.Notifications.Where(n => n.UserId == procurementUser && n.Kind == "deadline.escalated").Select(n => n.TextNl).ToList()),
            t => t.Contains("Actie nodig", StringComparison.Ordinal));

        // The publication date passes too and, a day later, the tender is still in consultation: overdue.
        app.Clock.Advance(TimeSpan.FromDays(5));
        await app.RunDueDeadlineJobsAsync();
        var escalated = Assert.Single(app.Events(tender, "deadline.escalated"));
        Assert.Equal("consultation", escalated.Payload()["phase"]!.GetValue<string>());
        Assert.EndsWith("/publication", escalated.Subject, StringComparison.Ordinal);
    }
}
