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
    public async Task Cancelling_a_job_removes_its_wake_up_and_every_planned_row_has_one()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        var rows = app.Db(db => db.DeadlineJobs.Where(j => j.TenderId == tender).ToList());
        Assert.All(rows.Where(r => r.State == DeadlineJobState.Scheduled),
            r => Assert.Equal("Scheduled", monitoring.JobDetails(r.HangfireJobId!).History[0].StateName));
        var cancelled = rows.Where(r => r.State == DeadlineJobState.Cancelled).ToList();
        Assert.NotEmpty(cancelled);
        Assert.All(cancelled, r => Assert.Equal("Deleted", monitoring.JobDetails(r.HangfireJobId!).History[0].StateName));
    }
}
