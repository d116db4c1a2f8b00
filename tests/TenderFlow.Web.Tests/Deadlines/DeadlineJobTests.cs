using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Tenders;
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
        var close = app.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        Assert.Empty(app.Jobs(tender, "applicationsClose"));

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
        var row = app.Jobs(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        Assert.Equal((DeadlineJobState.Done, "fired closeApplications", 2000L), (row.State, row.Outcome, row.LatenessMilliseconds));
        Assert.DoesNotContain(app.Planned(tender, "applicationsClose"), j => j.Kind == DeadlineJobKind.Close);

        // A second delivery of the same wake-up (Hangfire retried, a second server, the sweep) finds nothing due.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunDueAsync(tender, CancellationToken.None));
        }
        Assert.Equal(0, await app.RunDueDeadlineJobsAsync());
        Assert.Single(app.Events(tender, "tender.trigger.fired"), e => e.Payload()["trigger"]!.GetValue<string>() == "closeApplications");
    }

    [Fact]
    public async Task Entering_a_phase_plans_its_deadlines_and_leaving_it_drops_what_did_not_run()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);

        // Publication left consultation before the publication date's close job ran: it is no longer planned and never ran.
        Assert.Empty(app.Planned(tender, "publication"));
        Assert.Empty(app.Jobs(tender, "publication"));
        var questions = app.Planned(tender, "questionsClose");
        Assert.Contains(questions, j => j.Kind == DeadlineJobKind.Close);
        // Questions close in two days: the one-day reminder is planned, the seven-day one had already gone.
        Assert.Equal(["P1D"], questions.Where(j => j.Kind == DeadlineJobKind.Reminder).Select(j => j.Offset));
        // The steps stored no job at all, only the tender's next job moment: the one-day reminder.
        Assert.Empty(app.Db(db => db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tender).ToList()));
        Assert.Equal(questions.Single(j => j.Kind == DeadlineJobKind.Reminder).RunAtUtc, app.Tender(tender).NextDeadlineJobAtUtc);

        var procurement = app.Procurement();
        var cancelled = await procurement.FireAsync(tender.ToString(), "cancel", "Budget ingetrokken door de raad");
        Assert.True(cancelled.IsSuccessStatusCode);
        Assert.Null(app.Tender(tender).NextDeadlineJobAtUtc);
        Assert.Empty(app.Planned(tender, "questionsClose"));

        app.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await app.RunDueDeadlineJobsAsync());
        Assert.Empty(app.Events(tender, "deadline.passed"));
    }

    [Fact]
    public async Task A_wake_up_for_a_moment_that_moved_does_nothing_and_the_tender_then_waits_for_its_own_dates()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        // The date moves without the schedule knowing (as after a restore, or a write that forgot it): the runner reads the
        // plan from the tender's dates when it wakes, not from what was planned before.
        var moved = close.DeadlineDueAtUtc.AddDays(10);
        app.Db(db =>
        {
            db.TenderDeadlines.Single(d => d.TenderId == tender && d.Key == "applicationsClose").DueAtUtc = moved;
            db.Tenders.Single(t => t.Id == tender).NextDeadlineJobAtUtc = close.RunAtUtc;
            return db.SaveChanges();
        });

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMinutes(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Only the questions' jobs (day 1 and 2) were due, none of the applications' jobs.
            await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunDueAsync(tender, CancellationToken.None);
        }

        Assert.Equal("publication", app.Phase(tender));
        Assert.Empty(app.Jobs(tender, "applicationsClose"));
        Assert.DoesNotContain(app.Events(tender, "deadline.passed"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
        var planned = app.Planned(tender, "applicationsClose");
        Assert.Contains(planned, j => j.Kind == DeadlineJobKind.Close && j.RunAtUtc == moved);
        Assert.All(planned, j => Assert.Equal(moved, j.DeadlineDueAtUtc));
        Assert.True(app.Tender(tender).NextDeadlineJobAtUtc > app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Reminders_reach_the_people_the_deadline_concerns_with_the_moment_in_Amsterdam_time_and_a_calendar_entry()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var reminder = app.Planned(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Reminder);
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
        // The audience includes those who applied: how many were told is not recorded, so staff cannot count the applicants before the opening.
        Assert.Equal("reminded", app.Jobs(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Reminder).Outcome);
        Assert.Null(sent.Payload()["recipients"]);
    }

    [Fact]
    public async Task A_deadline_that_passes_before_the_phase_it_closes_is_recorded_and_Procurement_is_asked_to_plan_it_anew()
    {
        using var app = new TenderFlowFactory();
        var procurement = app.Procurement();
        // Still in the consultation when the applications close: nothing was open to close (closeApplications leaves from publication).
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = app.Clock.GetUtcNow().AddDays(5),
            ["applicationsClose"] = app.Clock.GetUtcNow().AddDays(1),
        })).Id());

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunDueDeadlineJobsAsync();

        Assert.Equal("consultation", app.Phase(tender));
        Assert.Empty(app.Events(tender, "deadline.trigger.refused"));
        var passed = Assert.Single(app.Events(tender, "deadline.passed"));
        Assert.True(passed.Payload()["beforeItsPhase"]!.GetValue<bool>());
        var procurementUser = app.Db(db => db.Users.Single(u => u.UserName == "anna.inkoper").Id);
        Assert.Contains(app.Db(db => db.Notifications.Where(n => n.UserId == procurementUser && n.Kind == "deadline.replan").Select(n => n.TextNl).ToList()),
            t => t.Contains("Actie nodig", StringComparison.Ordinal) && t.Contains("Sluiting aanmelding", StringComparison.Ordinal));

        // The publication date passes too and, a day later, the tender is still in consultation: overdue.
        app.Clock.Advance(TimeSpan.FromDays(5));
        await app.RunDueDeadlineJobsAsync();
        var escalated = Assert.Single(app.Events(tender, "deadline.escalated"));
        Assert.Equal("consultation", escalated.Payload()["phase"]!.GetValue<string>());
        Assert.EndsWith("/publication", escalated.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_job_still_failing_an_hour_after_its_moment_raises_one_incident_without_the_job_server()
    {
        using var app = new TenderFlowFactory { ExtraServices = services => services.AddScoped<IStepFollowUp>(_ => new RefusingFollowUp()) };
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMinutes(59));
        await app.RunDueDeadlineJobsAsync();
        Assert.Empty(app.Db(db => db.TenderIncidents.Where(i => i.TenderId == tender).ToList()));

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMinutes(61));
        await app.RunDueDeadlineJobsAsync();
        await app.RunDueDeadlineJobsAsync();

        var incident = Assert.Single(app.Db(db => db.TenderIncidents.Where(i => i.TenderId == tender).ToList()));
        Assert.Equal(("deadline.job.failed", "applicationsClose"), (incident.Kind, incident.DeadlineKey));
        Assert.Contains("is still failing", incident.Message, StringComparison.Ordinal);
        Assert.Contains("LetterPrinterOnFireRule", incident.Message, StringComparison.Ordinal);
        Assert.Single(app.Events(tender, "incident.raised"));
        Assert.Equal("publication", app.Phase(tender));
        Assert.DoesNotContain(app.Jobs(tender, "applicationsClose"), j => j.Kind == DeadlineJobKind.Close);
    }

    [Fact]
    public async Task A_job_that_waits_for_another_writer_is_timed_when_it_runs_not_when_it_began_to_wait()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddSeconds(2));

        var before = app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender).Select(j => j.Id).ToHashSet());
        using var writer = new SqliteConnection(app.ConnectionString);
        writer.Open();
        var held = writer.BeginTransaction(deferred: false);
        var run = Task.Run(app.RunDueDeadlineJobsAsync);
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.False(run.IsCompleted);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        held.Commit();
        Assert.NotEqual(0, await run);

        var ran = app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender).ToList()).Where(j => !before.Contains(j.Id)).ToList();
        Assert.NotEmpty(ran);
        Assert.All(ran, j => Assert.Equal(close.RunAtUtc.AddSeconds(22), j.CompletedAtUtc));

        var row = app.Jobs(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        Assert.Equal(22_000L, row.LatenessMilliseconds);
        Assert.Equal(close.RunAtUtc.AddSeconds(22), row.CompletedAtUtc);
        var passed = Assert.Single(app.Events(tender, "deadline.passed"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
        Assert.Equal(22, passed.Payload()["lateBySeconds"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_sweep_spaces_out_its_retries_of_a_job_that_keeps_failing()
    {
        var refusals = new CountingRefusal();
        using var app = new TenderFlowFactory { ExtraServices = services => services.AddSingleton<IStepFollowUp>(refusals) };
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        var pause = app.Services.GetRequiredService<DeadlineRetryPause>();
        async Task SweepAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunOverdueAsync(CancellationToken.None, TimeSpan.FromSeconds(5), pause);
        }
        var at = new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMinutes(1);
        app.Clock.SetUtcNow(at);

        await SweepAsync();
        await SweepAsync();
        Assert.Equal(1, refusals.Count);
        app.Clock.SetUtcNow(at.AddSeconds(11));
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(2, refusals.Count);
        app.Clock.SetUtcNow(at.AddSeconds(11 + 30));
        await SweepAsync();
        Assert.Equal(2, refusals.Count);
        app.Clock.SetUtcNow(at.AddSeconds(11 + 61));
        await SweepAsync();
        Assert.Equal(3, refusals.Count);
        Assert.Equal("publication", app.Phase(tender));
    }

    private sealed class CountingRefusal : IStepFollowUp
    {
        private int _count;

        public int Count => _count;

        public string Trigger => "closeApplications";

        public Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult<RuleViolation?>(new RuleViolation("LetterPrinterOnFireRule", RuleKind.Conflict, new("De printer brandt.", "The printer is on fire.")));
        }
    }
}
