using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace TenderFlow.Benchmarks;

/// <summary>
/// Where a step's time goes: the benchmark's own steps (<see cref="EngineStepBenchmark"/>, so the real
/// <see cref="Web.Features.Tenders.TenderSteps.FireAsync"/>) with every SQL command EF Core runs timed by EF Core, and
/// the rest of the step (EF Core's own work, the engine, JSON, hashing, DI) as the difference. Diagnostic only
/// ("engine-profile"), no targets. The floor under a step (its statements on raw ADO.NET) is in the engine benchmark.
/// </summary>
public static class EngineStepProfile
{
    private const int WarmUp = 3_000;   // tiered compilation settles after a few thousand steps (see EngineSection)

    public static async Task RunAsync(TempDirectory temp, Report report, int steps)
    {
        report.Title("Engine step profile (the benchmark's steps, SQL timed per command)");
        await using var engine = await EngineStepBenchmark.CreateAsync(temp.Sub("profile"));
        using var commands = new CommandLog();
        await engine.RunAsync(WarmUp);
        commands.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pausedBefore = GC.GetTotalPauseDuration();
        var stepTime = await engine.RunAsync(steps);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;

        var perStep = stepTime.TotalMilliseconds / steps;
        report.Line("mean step", $"{perStep.ToString("N3", Report.Culture)} ms");
        report.Line("managed allocations per step", $"{(allocated / 1024.0 / steps).ToString("N1", Report.Culture)} KB");
        report.Line("garbage collections (gen 0 / 1 / 2) during the steps, GC pause per step",
            $"{GC.CollectionCount(0) - collectionsBefore.Item1} / {GC.CollectionCount(1) - collectionsBefore.Item2} / {GC.CollectionCount(2) - collectionsBefore.Item3}, " +
            $"{(paused.TotalMilliseconds / steps).ToString("N3", Report.Culture)} ms");
        report.Line("SQL commands (EF Core's timing: SQLite + ADO.NET)",
            $"{(commands.Total.TotalMilliseconds / steps).ToString("N3", Report.Culture)} ms, {(commands.Count / (double)steps).ToString("N2", Report.Culture)} per step");
        report.Line("COMMIT (EF Core's timing: WAL frames written and synced)",
            $"{(commands.CommitTime.TotalMilliseconds / steps).ToString("N3", Report.Culture)} ms, {(commands.Commits / (double)steps).ToString("N2", Report.Culture)} per step");
        report.Line("everything else (EF Core, engine, JSON, hashing, DI, Hangfire)",
            $"{(perStep - (commands.Total + commands.CommitTime).TotalMilliseconds / steps).ToString("N3", Report.Culture)} ms");
        report.Note("SQL commands per step, most expensive first:");
        foreach (var (sql, count, time) in commands.Summary().Take(16))
        {
            var text = sql.ReplaceLineEndings(" ");
            report.Line($"  {(count / (double)steps).ToString("N2", Report.Culture)}× {(text.Length > 90 ? text[..90] + "…" : text)}",
                $"{(time.TotalMilliseconds / steps).ToString("N3", Report.Culture)} ms");
        }
        var wal = new FileInfo(engine.Host.DatabaseFile + "-wal");
        report.Line("WAL file after the steps (grows if a reader holds back checkpoints)", wal.Exists ? $"{Report.Mb(wal.Length)} MB" : "none");

        // Each commit writes (and with synchronous=FULL syncs) every page the transaction dirtied: the part of a step's
        // cost that no code path can remove, only a schema or workload with fewer tables and indexes per step.
        using var raw = new RawSqliteBaseline(temp.Sub("profile-raw"));
        raw.Run(PageCountRuns);
        var rawPages = await PagesPerCommitAsync(raw.ConnectionString, raw.DatabaseFile, () => Task.FromResult(raw.Run(PageCountRuns)));
        var stepPages = await PagesPerCommitAsync(engine.Host.ConnectionString, engine.Host.DatabaseFile, () => engine.RunAsync(PageCountRuns));
        report.Line($"database pages written per commit (WAL frames over {PageCountRuns} transactions)",
            $"engine steps {Format(stepPages)} (a deadline job the runner ran between stages counts too), raw INSERT+COMMIT {Format(rawPages)}");
        await TenderLoadProfile.RunAsync(engine.Host, report);
    }

    // Few enough that the WAL stays under SQLite's 1,000-page auto-checkpoint, which would start it over mid-count.
    private const int PageCountRuns = 48;

    private static async Task<double?> PagesPerCommitAsync(string connectionString, string databaseFile, Func<Task<TimeSpan>> run)
    {
        if (!WalFrames.Truncate(connectionString))
        {
            return null;
        }
        await run();
        var (frames, commits) = WalFrames.Read(databaseFile + "-wal");
        return commits == 0 ? null : frames / (double)commits;
    }

    private static string Format(double? pages) => pages is { } p ? p.ToString("N1", Report.Culture) : "not measured (a reader held the WAL)";
}

/// <summary>Every command EF Core runs, with its duration, from EF Core's DiagnosticListener events.</summary>
internal sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, (int Count, TimeSpan Time)> _byText = new(StringComparer.Ordinal);

    public CommandLog() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public int Count { get; private set; }

    public TimeSpan Total { get; private set; }

    /// <summary>COMMITs (EF Core's timing of <c>DbTransaction.Commit</c>: writing the WAL frames and syncing them).</summary>
    public int Commits { get; private set; }

    public TimeSpan CommitTime { get; private set; }

    public void Reset()
    {
        lock (_byText)
        {
            _byText.Clear();
            Count = 0;
            Total = TimeSpan.Zero;
            Commits = 0;
            CommitTime = TimeSpan.Zero;
        }
    }

    public IEnumerable<(string Sql, int Count, TimeSpan Time)> Summary()
    {
        lock (_byText)
        {
            return _byText.Select(kv => (kv.Key, kv.Value.Count, kv.Value.Time)).OrderByDescending(x => x.Time).ToList();
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(listener.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData ended && value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionCommitted.Name)
        {
            lock (_byText)
            {
                Commits++;
                CommitTime += ended.Duration;
            }
        }
        else if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
        {
            lock (_byText)
            {
                var text = executed.Command.CommandText;
                _byText[text] = _byText.TryGetValue(text, out var s) ? (s.Count + 1, s.Time + executed.Duration) : (1, executed.Duration);
                Count++;
                Total += executed.Duration;
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        _subscriptions.ForEach(s => s.Dispose());
    }
}
