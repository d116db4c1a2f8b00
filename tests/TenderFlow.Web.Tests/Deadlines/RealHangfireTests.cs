using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>The real clock and a real Hangfire server on the SQLite storage in the data directory, as in production.</summary>
public class RealHangfireTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_deadline_job_fires_within_a_few_seconds_of_its_moment()
    {
        // The sweep's catch-up waits a minute here, so only Hangfire's wake-up can have run the job.
        using var app = new TenderFlowFactory { RealJobs = true, Settings = { ["Jobs:SweepGraceSeconds"] = "60" } };
        var procurement = app.Procurement();   // the host is up before the clock starts counting
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = due })).Id());

        var close = await WaitForAsync(() => app.Jobs(tender, "publication").SingleOrDefault(j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Done));

        var lateness = close.CompletedAtUtc - close.RunAtUtc;
        Assert.InRange(lateness, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var passed = Assert.Single(app.Events(tender, "deadline.passed"));
        Assert.False(passed.Payload()["late"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Two_servers_on_one_storage_woken_twice_for_the_same_deadline_fire_it_once()
    {
        using var data = new TempDirectory();
        using var first = new TenderFlowFactory(data.Path) { RealJobs = true };
        using var second = new TenderFlowFactory(data.Path) { RealJobs = true };
        _ = second.Services;
        var procurement = first.Procurement();   // both hosts are up before the clock starts counting
        var due = DateTimeOffset.UtcNow.AddSeconds(4);
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = due })).Id());
        var monitoring = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var wakeUp = Assert.Single(monitoring.ScheduledJobs(0, 100), j => (Guid)j.Value.Job.Args[0] == tender).Key;
        // A duplicate wake-up from the other instance, as a retried or double-scheduled timer would give.
        var duplicate = second.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<DeadlineJobRunner>(r => r.RunDueAsync(tender, CancellationToken.None), due);

        await WaitForAsync(() => first.Jobs(tender, "publication").SingleOrDefault(j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Done));
        await WaitForAsync(() => monitoring.JobDetails(duplicate)?.History.FirstOrDefault()?.StateName == "Succeeded"
            && monitoring.JobDetails(wakeUp)?.History.FirstOrDefault()?.StateName == "Succeeded" ? "both ran" : null);

        Assert.Single(first.Events(tender, "deadline.passed"));
        Assert.Equal(2, monitoring.Servers().Count);
    }

    [Fact]
    public async Task A_deadline_whose_Hangfire_wake_up_is_lost_is_still_fired_by_our_own_sweep()
    {
        using var app = new TenderFlowFactory
        {
            RealJobs = true,
            Settings = { ["Jobs:SweepSeconds"] = "1", ["Jobs:SweepGraceSeconds"] = "2" },
            ExtraServices = LosingWakeUps.Register,
        };
        var procurement = app.Procurement();   // the host is up before the clock starts counting
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = due })).Id());
        Assert.DoesNotContain(app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100), j => (Guid)j.Value.Job.Args[0] == tender);

        var done = await WaitForAsync(() => app.Jobs(tender, "publication").SingleOrDefault(j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Done));

        Assert.InRange(done.CompletedAtUtc - done.RunAtUtc, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Single(app.Events(tender, "deadline.passed"));
    }

    [Fact]
    public async Task A_wake_up_stored_before_the_upgrade_succeeds_and_runs_what_is_due()
    {
        using var app = new TenderFlowFactory
        {
            RealJobs = true,
            Settings = { ["Jobs:SweepSeconds"] = "1", ["Jobs:SweepGraceSeconds"] = "30" },
            ExtraServices = LosingWakeUps.Register,
        };
        var procurement = app.Procurement();   // the host is up before the clock starts counting
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = due })).Id());
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.DoesNotContain(monitoring.ScheduledJobs(0, 100), j => (Guid)j.Value.Job.Args[0] == tender);
        // The old kind named a planned job row; the upgrade deleted those rows. It runs what is overdue, so it is given a
        // second's margin: Hangfire stores whole seconds and may start a job up to a second before its moment.
        var old = jobs.Schedule<DeadlineJobRunner>(r => r.RunAsync(Guid.NewGuid(), CancellationToken.None), due.AddSeconds(1));

        var done = await WaitForAsync(() => app.Jobs(tender, "publication").SingleOrDefault(j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Done));

        // The sweep's own catch-up waits 30 s here, so only the old wake-up can have run the job this soon.
        Assert.InRange(done.CompletedAtUtc - done.RunAtUtc, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await WaitForAsync(() => monitoring.JobDetails(old)?.History.FirstOrDefault()?.StateName is "Succeeded" ? "succeeded" : null);
        Assert.Single(app.Events(tender, "deadline.passed"));
    }

    [Fact]
    public async Task A_deadline_beyond_the_wake_horizon_is_woken_by_the_sweep_and_fired_by_Hangfire()
    {
        using var app = new TenderFlowFactory
        {
            RealJobs = true,
            Settings = { ["Jobs:WakeHorizonMinutes"] = "0.1", ["Jobs:SweepSeconds"] = "1", ["Jobs:SweepGraceSeconds"] = "30" },
        };
        var procurement = app.Procurement();   // the host is up before the clock starts counting
        var due = DateTimeOffset.UtcNow.AddSeconds(15);
        var tender = Guid.Parse((await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset> { ["publication"] = due })).Id());
        var planned = app.Tender(tender);
        Assert.True(planned.NextDeadlineJobAtUtc - planned.CreatedAtUtc > TimeSpan.FromSeconds(6), "planned beyond the 6 s horizon");
        Assert.Null(planned.DeadlineWakeUpAtUtc);

        var done = await WaitForAsync(() => app.Jobs(tender, "publication").SingleOrDefault(j => j.Kind == DeadlineJobKind.Close && j.State == DeadlineJobState.Done));

        // The sweep's own catch-up waits 30 s here, so only the wake-up it gave the tender can have run the job this soon.
        Assert.Equal(done.RunAtUtc, app.Tender(tender).DeadlineWakeUpAtUtc);
        Assert.InRange(done.CompletedAtUtc - done.RunAtUtc, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Single(app.Events(tender, "deadline.passed"));
    }

    [Fact]
    public async Task A_deadline_job_that_fails_for_good_raises_an_incident_on_the_tender_page()
    {
        using var app = new TenderFlowFactory
        {
            RealJobs = true,
            Settings = { ["Jobs:RetryAttempts"] = "0" },
            ExtraServices = services => services.AddScoped<IStepFollowUp>(_ => new RefusingFollowUp()),
        };
        var procurement = app.Procurement();
        var now = DateTimeOffset.UtcNow;
        var tender = (await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = now.AddSeconds(5),
            ["applicationsClose"] = now.AddSeconds(15),
        })).Id();
        // A planned date must lie ahead when the tender is created; publishing waits until it has passed.
        var untilPublication = now.AddSeconds(5) - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50);
        if (untilPublication > TimeSpan.Zero)
        {
            await Task.Delay(untilPublication);
        }
        Assert.True((await procurement.FireAsync(tender, "publish")).IsSuccessStatusCode);

        var incident = await WaitForAsync(() => app.Db(db => db.TenderIncidents.SingleOrDefault(i => i.TenderId == Guid.Parse(tender))));

        Assert.Equal("deadline.job.failed", incident.Kind);
        Assert.Contains("applicationsClose", incident.Message, StringComparison.Ordinal);
        Assert.Equal("publication", app.Phase(Guid.Parse(tender)));
        Assert.Single(app.Events(Guid.Parse(tender), "incident.raised"));
        // Nothing of the failed run stands: no deadline.passed event, no row; the job is still due, for a person or a retry.
        Assert.DoesNotContain(app.Events(Guid.Parse(tender), "deadline.passed"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Jobs(Guid.Parse(tender), "applicationsClose"), j => j.Kind == DeadlineJobKind.Close);
        Assert.Contains(app.Planned(Guid.Parse(tender), "applicationsClose"), j => j.Kind == DeadlineJobKind.Close);
        Assert.True(app.Tender(Guid.Parse(tender)).NextDeadlineJobAtUtc <= DateTime.UtcNow);

        var page = await (await PortalForms.SignedInAsync(app, "anna.inkoper", "Procurement")).GetStringAsync($"/tenders/{tender}");
        Assert.Contains("Incidenten: een termijn heeft niet gewerkt", page, StringComparison.Ordinal);
        Assert.Contains("Deadline job &#x27;applicationsClose&#x27;", page, StringComparison.Ordinal);
        var bidderPage = await (await PortalForms.SignedInAsync(app, "bram.bieder", "Bidder")).GetAsync($"/tenders/{tender}");
        Assert.DoesNotContain("Incidenten", await bidderPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Hangfire's storage losing every deadline wake-up (as Hangfire.Storage.SQLite did under load); other jobs pass.</summary>
    private sealed class LosingWakeUps(JobStorage storage, IJobFilterProvider filters) : IBackgroundJobClient
    {
        private readonly BackgroundJobClient _real = new(storage, filters);

        public static void Register(IServiceCollection services) => services.AddSingleton<IBackgroundJobClient>(provider =>
            new LosingWakeUps(provider.GetRequiredService<JobStorage>(), provider.GetRequiredService<IJobFilterProvider>()));

        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) =>
            job.Method.Name == nameof(DeadlineJobRunner.RunDueAsync) ? $"lost-{Guid.NewGuid():N}" : _real.Create(job, state);

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) =>
            !jobId.StartsWith("lost-", StringComparison.Ordinal) && _real.ChangeState(jobId, state, expectedState);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Nothing after {Patience.TotalSeconds} s.");
    }
}
