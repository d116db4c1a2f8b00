using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// Keeps a tender's next deadline-job moment in line with its phase and dates, inside the caller's transaction. The jobs
/// themselves are not stored until they run: they follow from the tender (<see cref="DeadlineJobPlan"/>), so a step that
/// leaves a phase or moves a date changes one column of the tender row it writes anyway. Call it after anything that
/// changes the phase or a date, and after a job ran; it is idempotent. A moment within the wake horizon gets a job-server
/// wake-up at once; later ones get theirs from <see cref="WakeDueSoonAsync"/> (the sweep).
/// </summary>
public sealed class DeadlineSchedule(TenderFlowDbContext db, IBackgroundJobClient jobs, TimeProvider clock, IOptions<JobsOptions> options, ILogger<DeadlineSchedule> logger)
{
    private static readonly Func<TenderFlowDbContext, Guid, DateTime, DateTime, IAsyncEnumerable<DeadlineJob>> RanBetween =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid tenderId, DateTime firstDue, DateTime lastDue) => context.DeadlineJobs.AsNoTracking()
            .Where(j => j.TenderId == tenderId && j.DeadlineDueAtUtc >= firstDue && j.DeadlineDueAtUtc <= lastDue));

    private TimeSpan Horizon => TimeSpan.FromMinutes(options.Value.WakeHorizonMinutes);

    public async Task SyncAsync(Tender tender, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DeadlineJobPlan.Watch(tender, definition, now);
        var waiting = await WaitingAsync(tender, definition, now, cancellationToken);
        DateTime? next = waiting.Count == 0 ? null : waiting[0].RunAtUtc;
        tender.NextDeadlineJobAtUtc = next;
        if (next is { } at && at - now <= Horizon && tender.DeadlineWakeUpAtUtc != at && TryWake(tender.Id, at, now))
        {
            tender.DeadlineWakeUpAtUtc = at;
        }
    }

    /// <summary>
    /// A job server that cannot take the wake-up must not stop a step: the moment is on the tender, so the sweep asks
    /// again and, failing that, runs the job itself once it is overdue.
    /// </summary>
    private bool TryWake(Guid tenderId, DateTime atUtc, DateTime nowUtc)
    {
        try
        {
            Wake(tenderId, atUtc, nowUtc);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not ask the job server to wake tender {TenderId} at {AtUtc:O}; the deadline sweep will", tenderId, atUtc);
            return false;
        }
    }

    /// <summary>
    /// The tender's planned jobs that have not run, earliest first. Only a job whose moment has come can have run, so the
    /// rows are read only when the plan holds such a job, and only those for its due times: a tender's history is never loaded.
    /// </summary>
    public async Task<List<PlannedDeadlineJob>> WaitingAsync(Tender tender, WorkflowDefinition definition, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var planned = DeadlineJobPlan.For(tender, definition).OrderBy(j => j.RunAtUtc).ThenBy(j => j.Kind).ToList();
        var come = planned.Where(j => j.RunAtUtc <= nowUtc).ToList();
        if (come.Count == 0)
        {
            return planned;
        }
        var ran = await RanBetween(db, tender.Id, come.Min(j => j.DeadlineDueAtUtc), come.Max(j => j.DeadlineDueAtUtc)).ToListAsync(cancellationToken);
        ran.AddRange(db.ChangeTracker.Entries<DeadlineJob>().Where(e => e.State == EntityState.Added && e.Entity.TenderId == tender.Id).Select(e => e.Entity));
        return planned.Where(j => !ran.Any(r => r.IsFor(j))).ToList();
    }

    /// <summary>
    /// Gives every tender whose next job falls due within the horizon, and has no wake-up for that moment yet, its job-server
    /// wake-up; returns how many. Two hosts doing this at once may wake a tender twice, and a step may move the moment
    /// meanwhile (the old wake-up then stays): the runner's claim makes both harmless. A tender the job server cannot take
    /// is tried again on the next sweep, which meanwhile runs its job itself once it is overdue.
    /// </summary>
    public async Task<int> WakeDueSoonAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Horizon;
        var due = await db.Tenders.AsNoTracking()
            .Where(t => t.NextDeadlineJobAtUtc <= until && t.DeadlineWakeUpAtUtc != t.NextDeadlineJobAtUtc)
            .Select(t => new { t.Id, At = t.NextDeadlineJobAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var woken = 0;
        foreach (var tender in due.Where(t => TryWake(t.Id, t.At, now)))
        {
            await db.Tenders.Where(t => t.Id == tender.Id && t.NextDeadlineJobAtUtc == tender.At)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeadlineWakeUpAtUtc, tender.At), cancellationToken);
            woken++;
        }
        return woken;
    }

    /// <summary>Asks the job server to wake the runner for the tender at <paramref name="atUtc"/> (the tender decides whether anything is due).</summary>
    public void Wake(Guid tenderId, DateTime atUtc, DateTime nowUtc)
    {
        var delay = atUtc - nowUtc;
        jobs.Schedule<DeadlineJobRunner>(r => r.RunDueAsync(tenderId, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }
}
