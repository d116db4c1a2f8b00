using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Deadlines;

namespace TenderFlow.Web.Features.Audit;

/// <summary>On a server that runs jobs: <see cref="AuditAnchorMail"/> every morning at 06:00 Dutch time, a Hangfire recurring job.</summary>
public sealed class AuditAnchorSchedule(JobStorage storage, IJobFilterProvider filters, IOptions<JobsOptions> options) : IHostedService
{
    public const string JobId = "audit-anchor";
    public const string Cron = "0 6 * * *";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Server)
        {
            new RecurringJobManager(storage, filters).AddOrUpdate<AuditAnchorMail>(JobId, mail => mail.SendIfDueAsync(CancellationToken.None), Cron,
                new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
