using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// When a deadline job fails for good (its retries are spent and Hangfire moves it to Failed), or is still failing
/// <see cref="JobsOptions.IncidentAfterMinutes"/> after its moment whoever ran it (<see cref="DeadlineJobRunner"/>), the
/// tender gets an incident that Procurement sees on the tender page, and the audit trail records it: a deadline that did
/// not act must never go unnoticed. One open incident per tender and deadline.
/// </summary>
public sealed class JobFailureIncidents(IServiceScopeFactory scopes, AuditTrail audit, TimeProvider clock, ILogger<JobFailureIncidents> logger) : IApplyStateFilter
{
    private const string Kind = "deadline.job.failed";

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job is not { } job
            || job.Type != typeof(DeadlineJobRunner) || job.Args.FirstOrDefault() is not Guid tenderId)
        {
            return;
        }
        try
        {
            RaiseAsync(tenderId, context.BackgroundJob.Id, failed.Exception).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // The failed state is still visible in the dashboard; losing the incident row must not hide the original failure.
            logger.LogError(e, "Could not record an incident for the failed deadline jobs of tender {TenderId}", tenderId);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    /// <summary>Raises the incident unless the same deadline already has an open one; <paramref name="hangfireJobId"/> is null when our sweep or a wake-up's own run raises it.</summary>
    public async Task RaiseAsync(Guid tenderId, string? hangfireJobId, Exception? exception)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var job = (exception as DeadlineJobFailedException)?.Job;
        var key = job?.DeadlineKey;
        if (!await db.Tenders.AnyAsync(t => t.Id == tenderId)
            || await db.TenderIncidents.AnyAsync(i => i.TenderId == tenderId && i.Kind == Kind && i.DeadlineKey == key && i.ResolvedAtUtc == null))
        {
            return;
        }
        var what = job is null ? "A deadline job" : $"Deadline job '{job.DeadlineKey}' ({job.Kind}, due {job.RunAtUtc:yyyy-MM-dd HH:mm:ss} UTC)";
        var message = $"{what} failed {(hangfireJobId is null ? "and is still failing" : "after its retries")}: {exception?.Message ?? "unknown error"}";
        var incident = new TenderIncident
        {
            Id = Guid.NewGuid(), TenderId = tenderId, DeadlineKey = job?.DeadlineKey, Kind = Kind,
            Message = message.Length > 4000 ? message[..4000] : message, OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TenderIncidents.Add(incident);
        await audit.AppendAsync(db, Domain.Workflow.Runtime.Actor.Scheduler.Id, Domain.Workflow.Roles.System, tenderId,
            [new AuditRecord("incident.raised", job is null ? $"tender/{tenderId}" : $"tender/{tenderId}/deadline/{job.DeadlineKey}", new
            {
                incident = incident.Id, kind = incident.Kind, deadline = job?.DeadlineKey, jobKind = job?.Kind.ToString(), offset = job?.Offset,
                hangfireJob = hangfireJobId, message = incident.Message,
            })], CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
