using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>How a tender's next job moment and Hangfire's wake-ups stay in step (on the in-memory storage, which no server processes in tests).</summary>
public class WakeUpTests
{
    [Fact]
    public async Task A_tender_woken_before_its_moment_does_nothing_and_asks_to_be_woken_on_time()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var next = app.Tender(tender).NextDeadlineJobAtUtc!.Value;
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var scheduledBefore = monitoring.ScheduledCount();

        app.Clock.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero).AddMilliseconds(-800));
        Assert.Equal(0, await RunDueAsync(app, tender));

        Assert.Empty(app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender).ToList()));
        Assert.Empty(app.Events(tender, "deadline.reminder.sent"));
        Assert.Equal(next, app.Tender(tender).NextDeadlineJobAtUtc);
        Assert.Equal(scheduledBefore + 1, monitoring.ScheduledCount());
        Assert.All(monitoring.ScheduledJobs(0, 100), j => Assert.Equal(tender, (Guid)j.Value.Job.Args[0]));
    }

    [Fact]
    public async Task A_wake_up_left_behind_when_a_step_moved_the_next_moment_finds_nothing_due()
    {
        using var app = new TenderFlowFactory();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);

        // Created in consultation a minute after its publication date: the close job was due at once and got a wake-up. The
        // publish step then left consultation, so that job is no longer planned; the wake-up stays in Hangfire, and the
        // step asked for no new one, as the next job is a day away.
        var wakeUp = Assert.Single(monitoring.ScheduledJobs(0, 100)).Value;
        Assert.Equal(tender, (Guid)wakeUp.Job.Args[0]);
        var next = app.Tender(tender).NextDeadlineJobAtUtc!.Value;
        Assert.True(next > app.Clock.GetUtcNow().UtcDateTime.AddHours(20));

        Assert.Equal(0, await RunDueAsync(app, tender));
        Assert.Empty(app.Events(tender, "deadline.passed"));
        Assert.Equal(next, app.Tender(tender).NextDeadlineJobAtUtc);
        Assert.Single(monitoring.ScheduledJobs(0, 100));
    }

    [Fact]
    public async Task Only_a_moment_within_the_horizon_has_a_wake_up_and_the_sweep_gives_a_later_one_its_wake_up_as_it_comes_near()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var horizon = TimeSpan.FromMinutes(new JobsOptions().WakeHorizonMinutes);
        var next = app.Tender(tender).NextDeadlineJobAtUtc!.Value;
        Assert.NotEqual(next, app.Tender(tender).DeadlineWakeUpAtUtc);   // a day away
        Assert.Equal(0, await WakeDueSoonAsync(app));
        var scheduled = monitoring.ScheduledCount();

        app.Clock.SetUtcNow(new DateTimeOffset(next - horizon + TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.Equal(1, await WakeDueSoonAsync(app));

        Assert.Equal(next, app.Tender(tender).DeadlineWakeUpAtUtc);
        Assert.Equal(scheduled + 1, monitoring.ScheduledCount());
        Assert.All(monitoring.ScheduledJobs(0, 100), j =>
        {
            Assert.Equal(tender, (Guid)j.Value.Job.Args[0]);
            Assert.Equal(nameof(DeadlineJobRunner.RunDueAsync), j.Value.Job.Method.Name);
        });
        Assert.Equal(0, await WakeDueSoonAsync(app));   // a moment is woken once

        // When the job has run, the next moment (the questions' close, a day later) is beyond the horizon again.
        app.Clock.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
        Assert.Equal(1, await RunDueAsync(app, tender));
        Assert.Equal(DeadlineJobKind.Reminder, Assert.Single(app.Jobs(tender, "questionsClose")).Kind);
        Assert.Equal(next.AddDays(1), app.Tender(tender).NextDeadlineJobAtUtc);
        Assert.Equal(0, await WakeDueSoonAsync(app));
    }

    [Fact]
    public async Task A_step_still_succeeds_when_Hangfire_cannot_take_the_wake_up_and_the_sweep_runs_the_job()
    {
        using var app = new TenderFlowFactory
        {
            ExtraServices = services =>
            {
                services.RemoveAll<IBackgroundJobClient>();
                services.AddSingleton<IBackgroundJobClient, BrokenJobClient>();
            },
        };

        // The publication date is a minute ahead, well inside the wake horizon: creating the tender asks Hangfire for a wake-up.
        var created = await app.Procurement().CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = app.PublicationSoon() });
        var tender = Guid.Parse(created.Id());

        var planned = app.Tender(tender);
        Assert.NotNull(planned.NextDeadlineJobAtUtc);
        Assert.Null(planned.DeadlineWakeUpAtUtc);   // no wake-up was taken: the sweep will try again and run the job itself
        Assert.Equal(0, await WakeDueSoonAsync(app));   // logged; tried again on the next sweep
        Assert.Null(app.Tender(tender).DeadlineWakeUpAtUtc);
        app.PassPublication();
        await app.RunDueDeadlineJobsAsync();
        Assert.Single(app.Events(tender, "deadline.passed"));
    }

    private sealed class BrokenJobClient : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => throw new InvalidOperationException("Hangfire storage is unavailable");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => throw new InvalidOperationException("Hangfire storage is unavailable");
    }

    private static async Task<int> RunDueAsync(TenderFlowFactory app, Guid tender)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunDueAsync(tender, CancellationToken.None);
    }

    private static async Task<int> WakeDueSoonAsync(TenderFlowFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSchedule>().WakeDueSoonAsync(CancellationToken.None);
    }
}
