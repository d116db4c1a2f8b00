using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// Where a step's time goes: the body of <see cref="Web.Features.Tenders.TenderSteps.FireAsync"/> replayed call by call
/// (same services, same order) with a stopwatch between the calls. Diagnostic only ("engine-profile"); the
/// benchmark's figures always come from the real method.
/// </summary>
public static class EngineStepProfile
{
    private static readonly string[] Parts =
        ["scope + DbContext", "BEGIN (open + BEGIN IMMEDIATE)", "load tender (+deadlines, themes)", "definition by hash", "engine.FireAsync (guards, Stateless, entry)",
         "audit append (head query, JSON, hash)", "SaveChanges", "COMMIT", "dispose (close connection)"];

    private static readonly Actor Officer = new("user:bench-procurement", "Benchmark procurement officer",
        new HashSet<string>(StringComparer.Ordinal) { Roles.Procurement });

    /// <summary>Ways of running the same step body: as TenderSteps does, and with changes TenderSteps could make.</summary>
    private enum Variant
    {
        AsInTenderSteps,
        NoAutoSavepoints,
        SynchronousEf,
    }

    private static readonly string[] VariantNames =
        ["as in TenderSteps.FireAsync", "+ AutoSavepointsEnabled = false", "+ synchronous EF calls (no savepoints)"];

    public static async Task RunAsync(TempDirectory temp, Report report, int steps)
    {
        report.Title("Engine step profile (the body of TenderSteps.FireAsync, timed call by call)");
        var clock = new BenchmarkClock(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        await using var host = await TenderFlowHost.StartAsync(temp.Sub("profile"), clock);
        var tenders = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var (tender, _) = await host.Steps(scope).CreateAsync("open-house", null, $"PROF-{i}", "Profiel", null, Officer, CancellationToken.None);
            tenders.Add(tender!.Id);
            await host.Steps(scope).FireAsync(tender.Id, "openAdmission", null, null, Officer, CancellationToken.None);
        }
        (string Trigger, string? Reason, TimeSpan Advance)[] cycle =
        [
            ("closeAdmissionRound", null, TimeSpan.FromDays(49)),
            ("completeReview", null, TimeSpan.FromDays(29)),
            ("reopenAdmission", "Nieuwe ronde.", TimeSpan.Zero),
        ];
        var variants = Enum.GetValues<Variant>();
        var totals = new double[variants.Length, Parts.Length];
        var counts = new int[variants.Length];
        using var commands = new CommandLog();
        var audit = new AuditTrail(clock);
        const int warmUp = 3_000;   // tiered compilation settles after a few thousand steps (see EngineSection)
        const int block = 100;
        var times = new long[Parts.Length + 1];
        for (var n = 0; n < warmUp + steps * variants.Length; n++)
        {
            var stage = cycle[n / tenders.Count % cycle.Length];
            if (n % tenders.Count == 0)
            {
                clock.Advance(stage.Advance);
            }
            // Variants take turns in blocks, so a slow spell of the machine hits each alike.
            var variant = n < warmUp ? (Variant)(n % variants.Length) : variants[(n - warmUp) / block % variants.Length];
            if (n == warmUp)
            {
                commands.Reset();
            }
            await StepAsync(host, variant, tenders[n % tenders.Count], stage.Trigger, stage.Reason, clock, audit, times);
            if (n >= warmUp)
            {
                counts[(int)variant]++;
                for (var p = 0; p < Parts.Length; p++)
                {
                    totals[(int)variant, p] += Stopwatch.GetElapsedTime(times[p], times[p + 1]).TotalMilliseconds;
                }
            }
        }
        for (var p = 0; p < Parts.Length; p++)
        {
            report.Line(Parts[p], $"{(totals[0, p] / counts[0]).ToString("N3", Report.Culture)} ms");
        }
        for (var v = 0; v < variants.Length; v++)
        {
            var sum = Enumerable.Range(0, Parts.Length).Sum(p => totals[v, p]);
            report.Line($"total per step, {VariantNames[v]}", $"{(sum / counts[v]).ToString("N3", Report.Culture)} ms " +
                $"(SaveChanges {(totals[v, 6] / counts[v]).ToString("N3", Report.Culture)} ms, COMMIT {(totals[v, 7] / counts[v]).ToString("N3", Report.Culture)} ms)");
        }
        var measured = counts.Sum();
        report.Note("SQL commands per step, all variants (EF Core's own timing of each command: SQLite + ADO.NET, not EF's work around it):");
        foreach (var (sql, count, time) in commands.Summary().Take(12))
        {
            var text = sql.ReplaceLineEndings(" ");
            report.Line($"  {(count / (double)measured).ToString("N2", Report.Culture)}× {(text.Length > 70 ? text[..70] + "…" : text)}",
                $"{(time.TotalMilliseconds / measured).ToString("N3", Report.Culture)} ms");
        }
        var wal = new FileInfo(host.DatabaseFile + "-wal");
        report.Line("WAL file after the steps (grows if a reader holds back checkpoints)", wal.Exists ? $"{Report.Mb(wal.Length)} MB" : "none");
        report.Line("all SQL commands", $"{(commands.Total.TotalMilliseconds / measured).ToString("N3", Report.Culture)} ms, {(commands.Count / (double)measured).ToString("N2", Report.Culture)} per step");

        // The floor: the same statements without EF Core, next to the benchmark's raw loop, in alternating blocks.
        using var floor = new StepStatementsFloor(host.ConnectionString);
        using var raw = new RawSqliteBaseline(temp.Sub("profile-raw"));
        floor.Run(block);
        raw.Run(block * 5);
        var floorTime = TimeSpan.Zero;
        var rawTime = TimeSpan.Zero;
        for (var round = 0; round < steps / block; round++)
        {
            floorTime += floor.Run(block);
            rawTime += raw.Run(block) / block;
        }
        var rounds = steps / block;
        report.Line("floor: the step's statements, raw ADO.NET, prepared, open connection", $"{(floorTime.TotalMilliseconds / rounds).ToString("N3", Report.Culture)} ms");
        report.Line("raw INSERT+COMMIT (the benchmark's baseline)", $"{(rawTime.TotalMilliseconds / rounds).ToString("N3", Report.Culture)} ms");
    }

    private static async Task StepAsync(TenderFlowHost host, Variant variant, Guid id, string trigger, string? reason, BenchmarkClock clock,
        AuditTrail audit, long[] times)
    {
        times[0] = Stopwatch.GetTimestamp();
        var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var facts = scope.ServiceProvider.GetRequiredService<ITenderFacts>();
        db.Database.AutoSavepointsEnabled = variant == Variant.AsInTenderSteps;
        var sync = variant == Variant.SynchronousEf;
        times[1] = Stopwatch.GetTimestamp();
        var transaction = sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync();
        times[2] = Stopwatch.GetTimestamp();
        var tender = sync ? db.Tenders.Single(t => t.Id == id) : (await Web.Features.Tenders.TenderSteps.TenderForStep(db, id, CancellationToken.None))!;
        times[3] = Stopwatch.GetTimestamp();
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, CancellationToken.None);
        times[4] = Stopwatch.GetTimestamp();
        var result = await engine.FireAsync(tender, definition, trigger, Officer, reason, clock.GetUtcNow().UtcDateTime, facts, CancellationToken.None);
        if (result.Outcome is null)
        {
            await scope.DisposeAsync();
            throw new InvalidOperationException($"Step '{trigger}' was refused: {result.Violation?.Message.En}");
        }
        times[5] = Stopwatch.GetTimestamp();
        await audit.AppendAsync(db, Officer.Id, result.Outcome.ActingRole, tender.Id, result.Outcome.Records, CancellationToken.None);
        times[6] = Stopwatch.GetTimestamp();
        if (sync)
        {
            db.SaveChanges();
        }
        else
        {
            await db.SaveChangesAsync();
        }
        times[7] = Stopwatch.GetTimestamp();
        if (sync)
        {
            transaction.Commit();
        }
        else
        {
            await transaction.CommitAsync();
        }
        times[8] = Stopwatch.GetTimestamp();
        await transaction.DisposeAsync();
        await scope.DisposeAsync();
        times[9] = Stopwatch.GetTimestamp();
    }
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

    public void Reset()
    {
        lock (_byText)
        {
            _byText.Clear();
            Count = 0;
            Total = TimeSpan.Zero;
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
        if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
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
