using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// Keeps a tender's deadline jobs in line with its phase and dates, inside the caller's transaction: new rows for jobs
/// that should exist, cancelled rows for jobs that no longer should. Call it after anything that changes the phase or a
/// deadline; it is idempotent. A row due within the wake horizon gets a Hangfire wake-up at once; later rows get theirs
/// from <see cref="WakeDueSoonAsync"/> (the sweep), so a step rarely writes to Hangfire's storage at all.
/// </summary>
public sealed class DeadlineSchedule(TenderFlowDbContext db, IBackgroundJobClient jobs, TimeProvider clock, IOptions<JobsOptions> options)
{
    // Two scalar bounds rather than the list of planned due times: EF Core caches the SQL of this shape, whereas a list
    // parameter makes it rebuild the SQL on every call. Rows in between that match no plan are simply not used.
    private static readonly Func<TenderFlowDbContext, Guid, DateTime, DateTime, IAsyncEnumerable<DeadlineJob>> RowsThatMatter =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid tenderId, DateTime firstDue, DateTime lastDue) => context.DeadlineJobs
            .Where(j => j.TenderId == tenderId && j.State == DeadlineJobState.Scheduled)
            .Concat(context.DeadlineJobs.Where(j => j.TenderId == tenderId && j.DeadlineDueAtUtc >= firstDue && j.DeadlineDueAtUtc <= lastDue
                && j.State != DeadlineJobState.Scheduled)));

    private TimeSpan Horizon => TimeSpan.FromMinutes(options.Value.WakeHorizonMinutes);

    public async Task SyncAsync(Tender tender, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = DeadlineJobPlan.For(tender, definition, now);
        // Only rows that can matter: the scheduled ones (which may have to be cancelled) and any row, whatever its state,
        // due within the planned due times (so a done job is not planned again and a cancelled one comes back). A
        // tender's history of cancelled rows grows with every phase change and deadline change; it is never loaded.
        var (firstDue, lastDue) = planned.Count == 0
            ? (DateTime.MaxValue, DateTime.MinValue)
            : (planned.Min(p => p.DeadlineDueAtUtc), planned.Max(p => p.DeadlineDueAtUtc));
        var existing = await RowsThatMatter(db, tender.Id, firstDue, lastDue).ToListAsync(cancellationToken);
        existing.AddRange(db.ChangeTracker.Entries<DeadlineJob>().Where(e => e.State == EntityState.Added && e.Entity.TenderId == tender.Id).Select(e => e.Entity));
        foreach (var plan in planned)
        {
            var row = existing.FirstOrDefault(j => Matches(j, plan));
            if (row is null && plan.CreateIfMissing)
            {
                row = new DeadlineJob
                {
                    Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)), TenderId = tender.Id, DeadlineKey = plan.DeadlineKey, Kind = plan.Kind, Offset = plan.Offset,
                    DeadlineDueAtUtc = plan.DeadlineDueAtUtc, RunAtUtc = plan.RunAtUtc, State = DeadlineJobState.Scheduled, CreatedAtUtc = now,
                };
                db.DeadlineJobs.Add(row);
                existing.Add(row);
                WakeIfDueSoon(row, now);
            }
            else if (row is { State: DeadlineJobState.Cancelled })
            {
                row.State = DeadlineJobState.Scheduled;
                row.CompletedAtUtc = null;
                row.Outcome = null;
                WakeIfDueSoon(row, now);
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

    /// <summary>
    /// Gives every scheduled row due within the horizon that has no wake-up yet its Hangfire job; returns how many. Two
    /// hosts doing this at once may wake a row twice, and a step may cancel a row meanwhile (its wake-up then stays in
    /// Hangfire): the runner's claim makes both harmless.
    /// </summary>
    public async Task<int> WakeDueSoonAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Horizon;
        var rows = await db.DeadlineJobs
            .Where(j => j.State == DeadlineJobState.Scheduled && j.HangfireJobId == null && j.RunAtUtc <= until)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            Wake(row, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    private void WakeIfDueSoon(DeadlineJob row, DateTime nowUtc)
    {
        row.HangfireJobId = null;
        if (row.RunAtUtc - nowUtc <= Horizon)
        {
            Wake(row, nowUtc);
        }
    }

    /// <summary>Asks Hangfire to wake the runner at the job's moment (the row decides whether anything happens).</summary>
    private void Wake(DeadlineJob row, DateTime nowUtc)
    {
        var delay = row.RunAtUtc - nowUtc;
        row.HangfireJobId = jobs.Schedule<DeadlineJobRunner>(r => r.RunAsync(row.Id, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }

    private static bool Matches(DeadlineJob row, PlannedDeadlineJob plan) =>
        row.DeadlineKey == plan.DeadlineKey && row.Kind == plan.Kind && row.Offset == plan.Offset && row.DeadlineDueAtUtc == plan.DeadlineDueAtUtc;
}
