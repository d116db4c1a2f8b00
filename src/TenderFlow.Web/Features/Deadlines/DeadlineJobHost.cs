using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// At start-up, after the database is migrated: the reconciliation pass (every tender's jobs planned, every deadline job
/// that fell due while the app was down run once, audited as late), then the Hangfire server, and a minutely sweep that
/// runs any due job whose Hangfire wake-up was lost.
/// </summary>
public sealed class DeadlineJobHost(
    IServiceProvider services, JobStorage storage, IJobFilterProvider filters, JobActivator activator, IOptions<JobsOptions> options,
    ILogger<DeadlineJobHost> logger) : IHostedService, IAsyncDisposable
{
    public const string SweepJobId = "deadline-sweep";

    private BackgroundJobServer? _server;

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
        new RecurringJobManager(storage, filters).AddOrUpdate(SweepJobId, Job.FromExpression<DeadlineJobRunner>(r => r.RunOverdueAsync(CancellationToken.None)), Cron.Minutely());
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = options.Value.Workers,
            SchedulePollingInterval = TimeSpan.FromSeconds(options.Value.PollingSeconds),
            FilterProvider = filters,
            Activator = activator,
            ServerName = $"tenderflow:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
        }, storage);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }
}
