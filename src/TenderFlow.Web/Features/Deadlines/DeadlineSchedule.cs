using Hangfire;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// Keeps a tender's deadline jobs in line with its phase and dates, inside the caller's transaction: new rows for jobs
/// that should exist (each woken by a Hangfire job), cancelled rows for jobs that no longer should. Call it after
/// anything that changes the phase or a deadline; it is idempotent.
/// </summary>
public sealed class DeadlineSchedule(TenderFlowDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task SyncAsync(Tender tender, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = DeadlineJobPlan.For(tender, definition, now);
        var existing = await db.DeadlineJobs.Where(j => j.TenderId == tender.Id).ToListAsync(cancellationToken);
        existing.AddRange(db.ChangeTracker.Entries<DeadlineJob>().Where(e => e.State == EntityState.Added && e.Entity.TenderId == tender.Id).Select(e => e.Entity));
        foreach (var plan in planned)
        {
            var row = existing.FirstOrDefault(j => Matches(j, plan));
            if (row is null && plan.CreateIfMissing)
            {
                row = new DeadlineJob
                {
                    Id = Guid.NewGuid(), TenderId = tender.Id, DeadlineKey = plan.DeadlineKey, Kind = plan.Kind, Offset = plan.Offset,
                    DeadlineDueAtUtc = plan.DeadlineDueAtUtc, RunAtUtc = plan.RunAtUtc, State = DeadlineJobState.Scheduled, CreatedAtUtc = now,
                };
                db.DeadlineJobs.Add(row);
                existing.Add(row);
                Wake(row, now);
            }
            else if (row is { State: DeadlineJobState.Cancelled })
            {
                row.State = DeadlineJobState.Scheduled;
                row.CompletedAtUtc = null;
                row.Outcome = null;
                Wake(row, now);
            }
        }
        foreach (var row in existing.Where(j => j.State == DeadlineJobState.Scheduled && !planned.Any(p => Matches(j, p))))
        {
            row.State = DeadlineJobState.Cancelled;
            row.CompletedAtUtc = now;
            row.Outcome = tender.Deadline(row.DeadlineKey)?.DueAtUtc == row.DeadlineDueAtUtc ? $"cancelled: phase {tender.Phase}" : "cancelled: date changed";
            if (row.HangfireJobId is { } id)
            {
                jobs.Delete(id);
            }
        }
    }

    /// <summary>Asks Hangfire to wake the runner at the job's moment (the row decides whether anything happens).</summary>
    public void Wake(DeadlineJob row, DateTime nowUtc)
    {
        var delay = row.RunAtUtc - nowUtc;
        row.HangfireJobId = jobs.Schedule<DeadlineJobRunner>(r => r.RunAsync(row.Id, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }

    private static bool Matches(DeadlineJob row, PlannedDeadlineJob plan) =>
        row.DeadlineKey == plan.DeadlineKey && row.Kind == plan.Kind && row.Offset == plan.Offset && row.DeadlineDueAtUtc == plan.DeadlineDueAtUtc;
}
