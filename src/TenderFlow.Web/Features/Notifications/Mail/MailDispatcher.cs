using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>
/// Once the host has started (the database is migrated by then), polls the outbox every <c>Mail:PollSeconds</c> and drains it
/// batch by batch. The poll interval is wall time; the outbox takes its timestamps from the injected clock.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<MailOptions> options, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                MailDeliveryCounts counts;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    counts = await scope.ServiceProvider.GetRequiredService<MailOutbox>().DeliverPendingAsync(stoppingToken);
                    if (counts.Total > 0)
                    {
                        logger.LogInformation("Mail outbox: {Sent} sent, {Failed} failed, {GaveUp} not mailed.", counts.Sent, counts.Failed, counts.GaveUp);
                    }
                }
                while (counts.Sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy database or a broken row must not stop the dispatcher: the next poll tries again.
                logger.LogError(e, "Mail outbox run failed.");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
