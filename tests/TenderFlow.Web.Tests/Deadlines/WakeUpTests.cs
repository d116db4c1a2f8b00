using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>How the rows and Hangfire's wake-ups stay in step (on the in-memory storage, which no server processes in tests).</summary>
public class WakeUpTests
{
    [Fact]
    public async Task A_job_woken_before_its_moment_does_nothing_and_asks_to_be_woken_on_time()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var close = app.Jobs(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Close);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var scheduledBefore = monitoring.ScheduledCount();

        app.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddMilliseconds(-800));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunAsync(close.Id, CancellationToken.None));
        }

        Assert.Equal(DeadlineJobState.Scheduled, app.Jobs(tender, "questionsClose").Single(j => j.Id == close.Id).State);
        Assert.Empty(app.Events(tender, "deadline.passed"));
        Assert.Equal(scheduledBefore + 1, monitoring.ScheduledCount());
    }

    [Fact]
    public async Task Cancelling_a_job_removes_its_wake_up()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // The publication deadline's close job (a minute before the start) was woken at once and cancelled when the tender
        // was published; its escalation, days later, was cancelled before it ever had a wake-up.
        var cancelled = app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender && j.State == DeadlineJobState.Cancelled).ToList());
        var woken = cancelled.Where(r => r.HangfireJobId is not null).ToList();
        Assert.Contains(woken, r => r.Kind == DeadlineJobKind.Close);
        Assert.All(woken, r => Assert.Equal("Deleted", monitoring.JobDetails(r.HangfireJobId!).History[0].StateName));
        Assert.All(cancelled.Except(woken), r => Assert.True(r.RunAtUtc > r.CreatedAtUtc.AddMinutes(new JobsOptions().WakeHorizonMinutes)));
    }

    [Fact]
    public async Task Only_jobs_due_within_the_horizon_have_a_wake_up_and_the_sweep_gives_later_ones_theirs_as_they_come_near()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        List<DeadlineJob> Scheduled() => app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender && j.State == DeadlineJobState.Scheduled).OrderBy(j => j.RunAtUtc).ToList());
        var horizon = TimeSpan.FromMinutes(new JobsOptions().WakeHorizonMinutes);

        var rows = Scheduled();
        Assert.True(rows.Count >= 3, "questions and applications close, with reminders");
        Assert.All(rows, r => Assert.Null(r.HangfireJobId));   // all at least a day away
        Assert.Equal(0, await WakeDueSoonAsync(app));

        var first = rows[0];
        app.Clock.SetUtcNow(new DateTimeOffset(first.RunAtUtc - horizon + TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.Equal(rows.Count(r => r.RunAtUtc == first.RunAtUtc), await WakeDueSoonAsync(app));

        var after = Scheduled();
        foreach (var row in after)
        {
            if (row.RunAtUtc == first.RunAtUtc)
            {
                var job = monitoring.JobDetails(row.HangfireJobId!);
                Assert.Equal("Scheduled", job.History[0].StateName);
                Assert.Equal(row.Id, (Guid)job.Job.Args[0]);
            }
            else
            {
                Assert.Null(row.HangfireJobId);
            }
        }
        Assert.Equal(0, await WakeDueSoonAsync(app));   // a row is woken once
    }

    private static async Task<int> WakeDueSoonAsync(TenderFlowFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSchedule>().WakeDueSoonAsync(CancellationToken.None);
    }
}
