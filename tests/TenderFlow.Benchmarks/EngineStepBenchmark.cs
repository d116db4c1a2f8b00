using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace TenderFlow.Benchmarks;

/// <summary>
/// Full production steps (<see cref="Web.Features.Tenders.TenderSteps.FireAsync"/>), one DI scope per step as per request,
/// on a few open-house tenders that go round admission → review → contracting → admission (a new admission round).
/// </summary>
public sealed class EngineStepBenchmark : IAsyncDisposable
{
    internal const string Definition = "open-house";
    internal const int TenderCount = 8;

    /// <summary>Each stage fires one trigger on every tender; the clock first moves past the deadline that trigger's guard waits for.</summary>
    internal static readonly Stage[] Cycle =
    [
        new("closeAdmissionRound", null, TimeSpan.FromDays(7 * 7)),     // roundClose = admission entered + 6 weeks, end of day
        new("completeReview", null, TimeSpan.FromDays(4 * 7 + 1)),      // reviewDue = roundClose + 4 weeks
        new("reopenAdmission", "Nieuwe toetredingsronde: er zijn meer aanbieders nodig in de regio.", TimeSpan.Zero),
    ];

    private readonly TenderFlowHost _host;
    private readonly BenchmarkClock _clock;
    private readonly List<Guid> _tenders = [];
    private long _position;

    private EngineStepBenchmark(TenderFlowHost host, BenchmarkClock clock)
    {
        _host = host;
        _clock = clock;
    }

    public long StepsTaken => _position;

    public TenderFlowHost Host => _host;

    public static async Task<EngineStepBenchmark> CreateAsync(string dataDirectory)
    {
        var clock = new BenchmarkClock(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var host = await TenderFlowHost.StartAsync(dataDirectory, clock);
        var benchmark = new EngineStepBenchmark(host, clock);
        for (var i = 1; i <= TenderCount; i++)
        {
            var tender = await host.CreateTenderAsync(Definition, $"BENCH-{i:000}", $"Wmo-maatwerkvoorzieningen regio {i} (benchmark)");
            benchmark._tenders.Add(tender.Id);
        }
        foreach (var id in benchmark._tenders)
        {
            await benchmark.FireAsync(id, "openAdmission", null);
        }
        return benchmark;
    }

    /// <summary>Deadline jobs the runner ran between stages (outside the timed steps), as the app's Hangfire server would.</summary>
    public int DeadlineJobsRun { get; private set; }

    /// <summary>
    /// Takes <paramref name="steps"/> steps one after another and returns the wall time they took. Before each stage moves
    /// the clock on, the production runner runs whatever deadline jobs are due (untimed): the simulated years pass the
    /// framework's absolute end (contractEnd, 2030), and a job that no server ran would stay the tender's next moment, due
    /// and waiting, every round.
    /// </summary>
    public async Task<TimeSpan> RunAsync(int steps)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            var stage = Cycle[_position / TenderCount % Cycle.Length];
            if (_position % TenderCount == 0)
            {
                stopwatch.Stop();
                await RunDueDeadlineJobsAsync();
                stopwatch.Start();
                _clock.Advance(stage.AdvanceFirst);
            }
            await FireAsync(_tenders[(int)(_position % TenderCount)], stage.Trigger, stage.Reason);
            _position++;
        }
        return stopwatch.Elapsed;
    }

    private async Task RunDueDeadlineJobsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        DeadlineJobsRun += await _host.Runner(scope).RunOverdueAsync(CancellationToken.None);
    }

    private async Task FireAsync(Guid tenderId, string trigger, string? reason)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var report = await _host.Steps(scope).FireAsync(tenderId, trigger, reason, expectedRevision: null, TenderFlowHost.Officer, CancellationToken.None);
        if (report.Violation is not null)
        {
            throw new InvalidOperationException($"Step '{trigger}' was refused ({report.Violation.Rule}): {report.Violation.Message.En}");
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed record Stage(string Trigger, string? Reason, TimeSpan AdvanceFirst);
}
