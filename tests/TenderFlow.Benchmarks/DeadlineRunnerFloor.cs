using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Deadlines;

namespace TenderFlow.Benchmarks;

/// <summary>
/// What our own runner costs without Hangfire: the app without a job server (Jobs:Server=false), a few hundred due
/// `publication` close jobs, run one after another by the product's sweep (<see cref="DeadlineJobRunner.RunOverdueAsync"/>):
/// claim, audit, notification, commit per job. The gap to the figures with Hangfire is Hangfire's own work. No target.
/// </summary>
public static class DeadlineRunnerFloor
{
    private const int Jobs = 500;

    public static async Task RunAsync(string data, Report report, DeadlineSettings settings)
    {
        report.Title($"Deadlines: our runner alone — {Jobs} due close jobs run by DeadlineJobRunner.RunOverdueAsync, no Hangfire server");
        await using var host = await ServingTenderFlowHost.StartAsync(data, settings, jobServer: false);
        var officer = await host.CreateProcurementOfficerAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var batch = 0; batch < Jobs / 100; batch++)
        {
            await host.CreateTendersAsync(Enumerable.Range(batch * 100 + 1, 100)
                .Select(i => new NewTender($"BENCH-R-{i:00000}", $"Wmo-dagbesteding, perceel {i} (runner)", due)).ToList(), officer);
        }
        var wait = due - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(100));
        }
        await using var scope = host.Services.CreateAsyncScope();
        var stopwatch = Stopwatch.StartNew();
        var ran = await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>().RunOverdueAsync(CancellationToken.None);
        var elapsed = stopwatch.Elapsed;
        report.Line($"{Report.Count(ran)} jobs run one after another", Report.Seconds(elapsed));
        report.Line("runner alone (incl. its JIT warm-up)", $"{Report.Rate(ran / elapsed.TotalSeconds)} jobs/s, {(elapsed.TotalMilliseconds / Math.Max(1, ran)).ToString("N1", Report.Culture)} ms per job");
    }
}
