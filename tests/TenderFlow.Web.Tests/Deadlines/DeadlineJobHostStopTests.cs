using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>
/// The web host stops its hosted services twice at once (the caller that ends it, and <c>app.RunAsync</c>, which then
/// disposes it). A disposal between one stop's "send stop" and its "wait for shutdown" failed that stop with an
/// ObjectDisposedException (seen once in CI). The window is a few instructions wide, so this repeats the race.
/// </summary>
public class DeadlineJobHostStopTests
{
    [Fact]
    public async Task Two_stops_at_once_with_a_disposal_after_one_of_them_all_complete_without_error()
    {
        using var app = new TenderFlowFactory();
        _ = app.Services;
        for (var round = 0; round < 25; round++)
        {
            var host = ActivatorUtilities.CreateInstance<DeadlineJobHost>(app.Services,
                Options.Create(new JobsOptions { Server = true, Workers = 1, SweepSeconds = 60 }));
            await host.StartAsync(CancellationToken.None);

            var byTheCaller = Task.Run(() => host.StopAsync(CancellationToken.None));
            var byRunAsync = Task.Run(async () =>
            {
                await host.StopAsync(CancellationToken.None);
                await host.DisposeAsync();
            });

            await Task.WhenAll(byTheCaller, byRunAsync);
        }
    }

    [Fact]
    public async Task Disposal_during_a_stop_waits_until_the_running_job_has_ended()
    {
        using var app = new TenderFlowFactory();
        var host = ActivatorUtilities.CreateInstance<DeadlineJobHost>(app.Services,
            Options.Create(new JobsOptions { Server = true, Workers = 1, SweepSeconds = 60 }));
        await host.StartAsync(CancellationToken.None);
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SlowJob>(j => j.RunAsync());
        Assert.True(await SlowJob.Started.WaitAsync(TimeSpan.FromSeconds(30)), "the job never started");

        var stop = host.StopAsync(CancellationToken.None);
        var disposal = host.DisposeAsync().AsTask();
        await Task.Delay(300);

        Assert.False(disposal.IsCompleted, "the server was disposed while its job still ran");
        SlowJob.MayEnd.Release();
        await Task.WhenAll(stop, disposal);
    }

    public sealed class SlowJob
    {
        public static readonly SemaphoreSlim Started = new(0);
        public static readonly SemaphoreSlim MayEnd = new(0);

        public async Task RunAsync()
        {
            Started.Release();
            await MayEnd.WaitAsync();
        }
    }

    [Fact]
    public async Task A_second_stop_does_not_return_before_the_first_has_finished()
    {
        using var app = new TenderFlowFactory();
        var host = ActivatorUtilities.CreateInstance<DeadlineJobHost>(app.Services,
            Options.Create(new JobsOptions { Server = true, Workers = 1, SweepSeconds = 60 }));
        await host.StartAsync(CancellationToken.None);

        var first = host.StopAsync(CancellationToken.None);
        await host.StopAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        await host.DisposeAsync();
    }
}
