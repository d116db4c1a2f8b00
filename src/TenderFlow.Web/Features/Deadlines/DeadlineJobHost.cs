using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// At start-up, after the database is migrated: the reconciliation pass (every tender's next job moment planned, every
/// deadline job that fell due while the app was down run once, audited as late), then the Hangfire server, and our own
/// sweep that gives tenders whose next job comes within the wake horizon their Hangfire wake-up and runs any job a few
/// seconds overdue. The sweep
/// deliberately does not run on Hangfire: when Hangfire's storage stalls or breaks (measured with Hangfire.Storage.SQLite
/// under load), deadlines still act, a little later.
/// </summary>
public sealed class DeadlineJobHost(
    IServiceProvider services, JobStorage storage, IJobFilterProvider filters, JobActivator activator, IOptions<JobsOptions> options,
    ILogger<DeadlineJobHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private BackgroundJobServer? _server;
    private Task? _sweep;
    private readonly Lock _gate = new();
    private Task? _stop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var (planned, ran) = await scope.ServiceProvider.GetRequiredService<DeadlineReconciliation>().RunAsync(cancellationToken);
            if (planned + ran > 0)
            {
                logger.LogInformation("Deadline reconciliation: {Planned} tender(s) re-planned, {Ran} overdue job(s) run", planned, ran);
            }
        }
        if (!options.Value.Server)
        {
            return;
        }
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = options.Value.Workers,
            SchedulePollingInterval = TimeSpan.FromSeconds(options.Value.PollingSeconds),
            FilterProvider = filters,
            Activator = activator,
            ServerName = $"tenderflow:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
        }, storage);
        _sweep = SweepAsync(_stopping.Token);
    }

    private async Task SweepAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await using var scope = services.CreateAsyncScope();
                await WakeDueSoonAsync(scope.ServiceProvider, stopping);
                var ran = await scope.ServiceProvider.GetRequiredService<DeadlineJobRunner>()
                    .RunOverdueAsync(stopping, olderThan: TimeSpan.FromSeconds(options.Value.SweepGraceSeconds), services.GetRequiredService<DeadlineRetryPause>());
                if (ran > 0)
                {
                    logger.LogWarning("Deadline sweep ran {Count} job(s) whose Hangfire wake-up did not come", ran);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waking up must not stop the sweep, which is what still runs the jobs when it fails. A wake-up Hangfire refuses is
    /// already skipped tender by tender (<see cref="DeadlineSchedule.WakeDueSoonAsync"/>); this catches the rest, such as
    /// a busy database.
    /// </summary>
    private async Task WakeDueSoonAsync(IServiceProvider scoped, CancellationToken stopping)
    {
        try
        {
            await scoped.GetRequiredService<DeadlineSchedule>().WakeDueSoonAsync(stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Deadline sweep could not look for tenders to wake; it runs their jobs itself when they are overdue");
        }
        scoped.GetRequiredService<Data.TenderFlowDbContext>().ChangeTracker.Clear();
    }

    /// <summary>
    /// The host is stopped twice at once: by whoever ends it (a test, a service manager) and by <c>app.RunAsync</c>, which
    /// then disposes it. Both callers share one stop, and disposal waits for it, so the server is never disposed while a
    /// stop is still waiting for it to shut down.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_sweep is { } sweep)
        {
            await sweep;
        }
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    /// <summary>After the stop, whoever called it (also when no one did, as after a failed start: the sweep must end too).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _server?.Dispose();
        _server = null;
    }
}
