using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// N deadlines on the real clock through the product path: sas-dialogue tenders created with TenderSteps.CreateAsync
/// plan their `publication` close job (not stored: the tender's NextDeadlineJobAtUtc, plus a per-tender Hangfire wake-up on
/// the SQLite storage when the moment is within the wake horizon); the app's own Hangfire server (and minutely sweep) runs
/// it through DeadlineJobRunner.RunDueAsync, which writes the job's DeadlineJob row (Done or Skipped) when it runs. A
/// measured tender (reference BENCH-T-*) without such a close row never ran. Lateness per row = CompletedAtUtc − RunAtUtc,
/// the moment the runner ran it. "Fired twice" counts audit effects only: tenders with more than one `deadline.passed`.
/// Targets: p99 lateness &lt; 3 s, none fired twice, none left unrun.
/// </summary>
public static class DeadlineSection
{
    public const double MaximumP99Seconds = 3;
    private const string DeadlineKey = "publication";

    /// <summary>The references of the measured tenders, whose `publication` falls in the window.</summary>
    private const string MeasuredPrefix = "BENCH-T-";

    /// <summary>Tenders with a publication date a month away, created first: their rate sets how far ahead the window must start.</summary>
    private const int CalibrationTenders = 200;
    private const int BatchSize = 100;
    private static readonly TimeSpan StartMargin = TimeSpan.FromSeconds(15);

    /// <summary>After the window's end: long enough for the minutely sweep to have run twice.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    public static async Task RunAsync(TempDirectory temp, Report report, DeadlineSettings settings)
    {
        await DeadlineRunnerFloor.RunAsync(temp.Sub("deadlines-runner-alone"), report, settings);
        await RunPartAsync(temp.Sub("deadlines-one-server"), report, settings, servers: 1);
        if (settings.TwoServers)
        {
            await RunPartAsync(temp.Sub("deadlines-two-servers"), report, settings, servers: 2);
        }
    }

    private static async Task RunPartAsync(string data, Report report, DeadlineSettings settings, int servers)
    {
        var label = servers == 1 ? "one app host" : $"{servers} app hosts on one data directory (competing Hangfire servers)";
        report.Title($"Deadlines: {Report.Count(settings.Count)} `{DeadlineKey}` close jobs on SQLite, real clock, {label}");
        var hosts = new List<ServingTenderFlowHost>();
        try
        {
            for (var i = 0; i < servers; i++)
            {
                hosts.Add(await ServingTenderFlowHost.StartAsync(data, settings));
            }
            var (journal, synchronous) = SqlitePragmas.Read(hosts[0].ConnectionString);
            report.Line("app database journal_mode / synchronous", $"{journal} / {synchronous}");
            report.Line("Hangfire storage", $"Hangfire.Storage.SQLite on {Path.Combine(data, "hangfire.db")}");
            report.Line("job servers × workers, polling", $"{servers} × {settings.Workers}, {settings.PollingSeconds.ToString("0.###", Report.Culture)} s (Jobs:Workers, Jobs:PollingSeconds)");
            var officer = await hosts[0].CreateProcurementOfficerAsync();
            report.Line("notification recipients", "1 Procurement user (the `publication` deadline notifies procurement)");

            var calibration = await CalibrateAsync(hosts, officer);
            report.Line($"calibration: {CalibrationTenders} tenders, publication in 30 days (rate after the first {BatchSize})",
                $"{Report.Rate(calibration)} tenders/s (their reminders, close and escalation jobs stay planned, a month away)");

            var window = TimeSpan.FromSeconds(settings.WindowSeconds);
            // The calibration includes the JIT's first runs, so its rate is already on the slow side.
            var creationEstimate = TimeSpan.FromSeconds(settings.Count / calibration);
            var windowStart = DateTimeOffset.UtcNow + creationEstimate + StartMargin;
            var windowEnd = windowStart + window;
            report.Line("window (UTC)", $"{windowStart:HH:mm:ss.fff} – {windowEnd:HH:mm:ss.fff} ({settings.WindowSeconds} s, evenly spaced)");
            report.Line("arrival rate", $"{(settings.Count / window.TotalSeconds).ToString("N1", Report.Culture)} deadlines/s");

            var created = Stopwatch.StartNew();
            await CreateMeasuredTendersAsync(hosts, officer, settings.Count, windowStart, window);
            var slack = windowStart - DateTimeOffset.UtcNow;
            report.Line($"created {Report.Count(settings.Count)} tenders", $"{Report.Seconds(created.Elapsed)} ({Report.Rate(settings.Count / created.Elapsed.TotalSeconds)} tenders/s)");
            report.Line("creation finished before the window by", slack >= TimeSpan.Zero
                ? Report.Seconds(slack)
                : $"-{Report.Seconds(-slack)} (OVERRAN: the first deadlines fell due while tenders were still being created)");

            var from = windowStart.UtcDateTime;
            var to = windowEnd.UtcDateTime;
            var waited = await WaitAsync(hosts[0], report, settings.Count, to, windowEnd + Patience);
            report.Line("waited after the window's end", Report.Seconds(waited));

            // Jobs that have not run are not stored, so the other jobs due in the window come from the plan. It is computed
            // after the run, so that loading every tender does not compete with the job server; the `publication` close job
            // fires no trigger, so the run changed no phase or date and the plan is the one the window had.
            var others = await OtherPlannedJobsAsync(hosts[0], from, to);
            report.Line("other deadline jobs due in the window (DeadlineJobPlan of every tender)", Report.Count(others));
            await ReportFiguresAsync(hosts, report, settings.Count, from, to, window);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Tenders created per second, timed after the first batch (which also warms up the JIT).</summary>
    private static async Task<double> CalibrateAsync(IReadOnlyList<ServingTenderFlowHost> hosts, Actor officer)
    {
        var due = DateTimeOffset.UtcNow.AddDays(30);
        var stopwatch = new Stopwatch();
        for (var batch = 0; batch * BatchSize < CalibrationTenders; batch++)
        {
            if (batch == 1)
            {
                stopwatch.Start();
            }
            var tenders = Enumerable.Range(batch * BatchSize + 1, Math.Min(BatchSize, CalibrationTenders - batch * BatchSize))
                .Select(i => new NewTender($"BENCH-K-{i:00000}", $"Wmo-hulp bij het huishouden, perceel {i} (kalibratie)", due.AddMinutes(i)))
                .ToList();
            await hosts[batch % hosts.Count].CreateTendersAsync(tenders, officer);
        }
        return (CalibrationTenders - BatchSize) / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Tender i's publication date is windowStart + i·window/N; with two hosts the batches alternate as requests would.</summary>
    private static async Task CreateMeasuredTendersAsync(IReadOnlyList<ServingTenderFlowHost> hosts, Actor officer, int count, DateTimeOffset windowStart, TimeSpan window)
    {
        var spacing = window / count;
        for (var batch = 0; batch * BatchSize < count; batch++)
        {
            var tenders = Enumerable.Range(batch * BatchSize, Math.Min(BatchSize, count - batch * BatchSize))
                .Select(i => new NewTender($"BENCH-T-{i + 1:00000}", $"Wmo-begeleiding regio Utrecht, perceel {i + 1} (benchmark)", windowStart + spacing * i))
                .ToList();
            await hosts[batch % hosts.Count].CreateTendersAsync(tenders, officer);
        }
    }

    private static async Task<TimeSpan> WaitAsync(ServingTenderFlowHost host, Report report, int count, DateTime to, DateTimeOffset giveUpAt)
    {
        var progress = Stopwatch.StartNew();
        while (true)
        {
            var open = await host.QueryAsync(NotRunAsync);
            var now = DateTimeOffset.UtcNow;
            if (open == 0 || now > giveUpAt)
            {
                return now - new DateTimeOffset(to, TimeSpan.Zero);
            }
            if (progress.Elapsed > TimeSpan.FromSeconds(20))
            {
                report.Note($"… {now:HH:mm:ss} {Report.Count(count - open)} of {Report.Count(count)} run");
                progress.Restart();
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Measured tenders without a (Done or Skipped) `publication` close row: their close job has not run.</summary>
    private static Task<int> NotRunAsync(TenderFlowDbContext db) =>
        db.Tenders.CountAsync(t => t.Reference.StartsWith(MeasuredPrefix)
            && !db.DeadlineJobs.Any(j => j.TenderId == t.Id && j.DeadlineKey == DeadlineKey && j.Kind == DeadlineJobKind.Close));

    /// <summary>Planned jobs of every tender (<see cref="DeadlineJobPlan.For"/>) due in the window, other than the measured `publication` close jobs.</summary>
    private static Task<int> OtherPlannedJobsAsync(ServingTenderFlowHost host, DateTime from, DateTime to) => host.QueryAsync(async db =>
    {
        var catalog = host.Services.GetRequiredService<DefinitionCatalog>();
        var tenders = await db.Tenders.AsNoTracking().IgnoreAutoIncludes().Include(t => t.Deadlines).ToListAsync();
        var others = 0;
        foreach (var tender in tenders)
        {
            var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, CancellationToken.None);
            others += DeadlineJobPlan.For(tender, definition)
                .Count(j => j.RunAtUtc >= from && j.RunAtUtc <= to && !(j.DeadlineKey == DeadlineKey && j.Kind == DeadlineJobKind.Close));
        }
        return others;
    });

    private static async Task ReportFiguresAsync(IReadOnlyList<ServingTenderFlowHost> hosts, Report report, int count, DateTime from, DateTime to, TimeSpan window)
    {
        var rows = await hosts[0].QueryAsync(db => db.DeadlineJobs.AsNoTracking()
            .Where(j => j.DeadlineKey == DeadlineKey && j.Kind == DeadlineJobKind.Close && j.RunAtUtc >= from && j.RunAtUtc <= to)
            .Select(j => new { j.TenderId, j.State, j.RunAtUtc, j.CompletedAtUtc })
            .ToListAsync());
        var done = rows.Where(r => r.State == DeadlineJobState.Done).ToList();
        var skipped = rows.Count(r => r.State == DeadlineJobState.Skipped);
        var neverRan = await hosts[0].QueryAsync(NotRunAsync);
        var lateness = done.Select(r => (r.CompletedAtUtc - r.RunAtUtc).TotalSeconds).Order().ToArray();

        var passed = await hosts[0].QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "deadline.passed" && e.Subject.EndsWith("/deadline/" + DeadlineKey) && e.OccurredAtUtc >= from)
            .GroupBy(e => e.TenderId).Select(g => g.Count()).ToListAsync());
        var firedTwice = passed.Count(c => c > 1);

        report.Line("close rows in the window (written when a job runs)", Report.Count(rows.Count));
        report.Line("done / skipped / never ran", $"{Report.Count(done.Count)} / {Report.Count(skipped)} / {Report.Count(neverRan)}");
        if (lateness.Length > 0)
        {
            var firstStart = done.Min(r => r.CompletedAtUtc);
            var lastStart = done.Max(r => r.CompletedAtUtc);
            report.Line("lateness p50 / p99 / max", $"{Seconds(Percentile(lateness, 0.50))} / {Seconds(Percentile(lateness, 0.99))} / {Seconds(lateness[^1])}");
            report.Line("lateness min (negative = early)", Seconds(lateness[0]));
            report.Line("lateness mean", Seconds(lateness.Average()));
            report.Line("throughput (runs / first-to-last start)", $"{Report.Rate(done.Count / Math.Max(0.001, (lastStart - firstStart).TotalSeconds))} jobs/s " +
                $"(arrival {(count / window.TotalSeconds).ToString("N1", Report.Culture)}/s)");
        }
        report.Line("tenders with a `deadline.passed` event", Report.Count(passed.Count));
        report.Line("fired twice (tenders with > 1 deadline.passed)", Report.Count(firedTwice));

        foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
        {
            var monitoring = host.JobStorage.GetMonitoringApi();
            report.Line(hosts.Count == 1 ? "Hangfire succeeded / failed / enqueued / scheduled" : $"Hangfire (host {i + 1}'s view) succ. / failed / enq. / sched.",
                $"{Report.Count(monitoring.SucceededListCount())} / {Report.Count(monitoring.FailedCount())} / " +
                $"{Report.Count(monitoring.EnqueuedCount("default"))} / {Report.Count(monitoring.ScheduledCount())}");
        }
        var chain = AuditChainReader.Verify(hosts[0].ConnectionString);
        report.Line("audit chain after the run", chain.Intact ? $"intact, {Report.Count(chain.EventCount)} events" : $"BROKEN at {chain.BrokenAtSequence}: {chain.Problem}");

        var p99 = lateness.Length > 0 ? Percentile(lateness, 0.99) : double.PositiveInfinity;
        var suffix = hosts.Count == 1 ? "" : $" ({hosts.Count} servers)";
        report.Target($"every deadline in the window ran and was recorded{suffix}", done.Count == count,
            $"{Report.Count(done.Count)} of {Report.Count(count)} done, {Report.Count(skipped)} skipped, {Report.Count(neverRan)} never ran");
        report.Target($"deadline lateness p99 < {MaximumP99Seconds:N0} s{suffix}", p99 < MaximumP99Seconds, Seconds(p99));
        report.Target($"no deadline fired twice{suffix}", firedTwice == 0, $"{Report.Count(firedTwice)} tenders");
        report.Target($"no deadline ran early{suffix}", lateness.Length == 0 || lateness[0] >= 0, lateness.Length == 0 ? "n/a" : Seconds(lateness[0]));
        report.Target($"audit chain intact{suffix}", chain.Intact, chain.Intact ? "intact" : $"broken at {chain.BrokenAtSequence}");
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] ascending, double p) =>
        ascending[Math.Clamp((int)Math.Ceiling(p * ascending.Length) - 1, 0, ascending.Length - 1)];

    private static string Seconds(double seconds) => seconds.ToString("N3", Report.Culture) + " s";
}
