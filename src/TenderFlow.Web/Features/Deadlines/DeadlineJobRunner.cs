using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// Runs a tender's deadline jobs that are due, one transaction per job. Each transaction first takes SQLite's write lock
/// with a conditional UPDATE on the tender (only when its next job moment has come), so a second wake-up for the same
/// tender, from this or another server or the sweep, waits and then finds the job recorded. A job's row, its work (audit,
/// notifications, the engine step of the definition's trigger) and the tender's next moment commit together or not at
/// all; a job that fails is rolled back, the tender's other due jobs still run, and the failure is thrown at the end so
/// that the job server retries.
/// </summary>
public sealed class DeadlineJobRunner(
    TenderFlowDbContext db, TenderSteps steps, DefinitionCatalog catalog, DeadlineSchedule schedule, Notifier notifier, AuditTrail audit, TimeProvider clock,
    JobFailureIncidents incidents, IOptions<JobsOptions> options, ILogger<DeadlineJobRunner> logger)
{
    /// <summary>A job that runs more than this after its moment is audited as late (the platform was down or overloaded).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    /// <summary>The job server may start a wake-up up to a second before its moment; one that early is set again.</summary>
    private static readonly TimeSpan EarlyWakeUp = TimeSpan.FromSeconds(2);

    /// <summary>Runs every job of the tender whose moment has come; returns how many ran. Throws the first failure after trying the others.</summary>
    public async Task<int> RunDueAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var ran = 0;
        var failures = new List<DeadlineJobFailedException>();
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Read after BEGIN, which waits for the write lock: the job is decided and timed when it runs.
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Tenders.Where(t => t.Id == tenderId && t.NextDeadlineJobAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDeadlineJobAtUtc, t => t.NextDeadlineJobAtUtc), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (ran == 0 && failures.Count == 0)
                {
                    await WakeAgainIfEarlyAsync(tenderId, now, cancellationToken);
                }
                break;
            }
            var tender = await TenderSteps.TenderForStep(db, tenderId, cancellationToken)
                ?? throw new InvalidOperationException($"Tender {tenderId} does not exist.");
            var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
            var waiting = await schedule.WaitingAsync(tender, definition, now, cancellationToken);
            var job = waiting.FirstOrDefault(j => j.RunAtUtc <= now && !failures.Any(f => f.Job == j));
            if (job is null)
            {
                // Nothing (more) to run: the next moment moves on, or stays on a failed job for the retry.
                await schedule.SyncAsync(tender, definition, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            try
            {
                await RunAsync(job, tender, definition, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                ran++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                var failure = e as DeadlineJobFailedException ?? new DeadlineJobFailedException(job, e.Message, e);
                logger.LogError(e, "Deadline job {Deadline} {Kind} {Offset} of tender {TenderId} failed; it stays due and is retried", job.DeadlineKey, job.Kind, job.Offset, tenderId);
                failures.Add(failure);
                if (now - job.RunAtUtc >= TimeSpan.FromMinutes(options.Value.IncidentAfterMinutes))
                {
                    await RaiseIncidentAsync(tenderId, failure);
                }
            }
        }
        return failures.Count > 0 ? throw failures[0] : ran;
    }

    /// <summary>
    /// A wake-up stored in <c>hangfire.db</c> before jobs were stored when they run (migration DeadlineJobsStoredWhenRun). It
    /// names a planned job row that no longer exists, so it runs whatever is due, as the sweep does, instead of failing
    /// (and being retried) in the dashboard. Hangfire finds it by name and parameter types: keep the signature.
    /// </summary>
    public Task<int> RunAsync(Guid plannedJobId, CancellationToken cancellationToken) => RunOverdueAsync(cancellationToken);

    /// <summary>
    /// Every tender with a job whose moment passed (by at least <paramref name="olderThan"/>), earliest first: the start-up
    /// reconciliation and the sweep. A tender whose job fails does not stop the others; its job stays due for the retries,
    /// which the sweep spaces out with <paramref name="pause"/>.
    /// </summary>
    public async Task<int> RunOverdueAsync(CancellationToken cancellationToken, TimeSpan olderThan = default, DeadlineRetryPause? pause = null)
    {
        var before = clock.GetUtcNow().UtcDateTime - olderThan;
        var due = await db.Tenders.AsNoTracking()
            .Where(t => t.NextDeadlineJobAtUtc <= before)
            .OrderBy(t => t.NextDeadlineJobAtUtc).Select(t => t.Id).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in due.Where(id => pause?.Waiting(id) != true))
        {
            try
            {
                ran += await RunDueAsync(id, cancellationToken);
                pause?.Succeeded(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                pause?.Failed(id);
                logger.LogError(e, "Deadline jobs of tender {TenderId} failed; they stay due and are retried", id);
            }
        }
        return ran;
    }

    private async Task RunAsync(PlannedDeadlineJob job, Tender tender, WorkflowDefinition definition, DateTime now, CancellationToken cancellationToken)
    {
        var row = new DeadlineJob
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)), TenderId = tender.Id, DeadlineKey = job.DeadlineKey, Kind = job.Kind,
            Offset = job.Offset, DeadlineDueAtUtc = job.DeadlineDueAtUtc, RunAtUtc = job.RunAtUtc, State = DeadlineJobState.Done, CompletedAtUtc = now,
            LatenessMilliseconds = (long)(now - job.RunAtUtc).TotalMilliseconds,
        };
        db.DeadlineJobs.Add(row);
        var deadline = definition.Deadline(job.DeadlineKey)
            ?? throw new InvalidOperationException($"Deadline '{job.DeadlineKey}' is not in {definition.Id} v{definition.Version}.");
        if (job.Kind == DeadlineJobKind.Reminder && now >= job.DeadlineDueAtUtc)
        {
            row.State = DeadlineJobState.Skipped;
            row.Outcome = "skipped: the deadline passed before the reminder could be sent";
        }
        else
        {
            row.Outcome = job.Kind switch
            {
                DeadlineJobKind.Reminder => await RemindAsync(row, tender, definition, deadline, cancellationToken),
                DeadlineJobKind.Close => await CloseAsync(row, job, tender, definition, deadline, now, cancellationToken),
                DeadlineJobKind.Escalation => await EscalateAsync(row, tender, definition, deadline, now, cancellationToken),
            };
        }
        await schedule.SyncAsync(tender, definition, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RaiseIncidentAsync(Guid tenderId, DeadlineJobFailedException failure)
    {
        try
        {
            await incidents.RaiseAsync(tenderId, null, failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record an incident for the failing deadline job {Deadline} of tender {TenderId}", failure.Job.DeadlineKey, tenderId);
        }
    }

    private async Task WakeAgainIfEarlyAsync(Guid tenderId, DateTime now, CancellationToken cancellationToken)
    {
        var next = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId).Select(t => t.NextDeadlineJobAtUtc).SingleOrDefaultAsync(cancellationToken);
        if (next is { } at && at > now && at - now <= EarlyWakeUp)
        {
            schedule.Wake(tenderId, at, now);
        }
    }

    private async Task<string> RemindAsync(DeadlineJob job, Tender tender, WorkflowDefinition definition, DeadlineDefinition deadline, CancellationToken cancellationToken)
    {
        var recipients = await DeadlineRecipients.UserIdsAsync(db, tender, definition, deadline.Notify, cancellationToken);
        var shown = AmsterdamTime.Format(job.DeadlineDueAtUtc);
        notifier.NotifyUsers(db, recipients, tender.Id, "deadline.reminder",
            new($"Herinnering — {tender.Reference}: '{deadline.Title.Nl}' verloopt op {shown} (Nederlandse tijd).",
                $"Reminder — {tender.Reference}: '{deadline.Title.En}' falls due on {shown} (Amsterdam time)."),
            TenderLink(tender), Calendar(tender, deadline, job.DeadlineDueAtUtc));
        await AppendAsync(tender, "deadline.reminder.sent", job, new
        {
            deadline = job.DeadlineKey, dueAtUtc = job.DeadlineDueAtUtc, before = job.Offset, recipients = DeadlineRecipients.RecordableCount(deadline.Notify, recipients.Count),
            lateBySeconds = LateSeconds(job), late = IsLate(job),
        }, cancellationToken);
        return DeadlineRecipients.RecordableCount(deadline.Notify, recipients.Count) is { } count ? $"reminded {count} people" : "reminded";
    }

    private async Task<string> CloseAsync(DeadlineJob job, PlannedDeadlineJob planned, Tender tender, WorkflowDefinition definition, DeadlineDefinition deadline, DateTime now, CancellationToken cancellationToken)
    {
        var shown = AmsterdamTime.Format(job.DeadlineDueAtUtc);
        if (DeadlineChangePolicy.PassedBeforeItsWindowOpened(tender, deadline, job.DeadlineDueAtUtc))
        {
            // The tender came (back) into the phases that watch this deadline after it had passed (e.g. returnToDialogue):
            // nobody could act on that moment, so it is not a passing to announce or to act on. Procurement plans it anew.
            await AskToPlanAnewAsync(job, tender, now, "beforeItsWindow",
                new($"Actie nodig — {tender.Reference}: '{deadline.Title.Nl}' ({shown}) verstreek voordat de aanbesteding (weer) in deze fase kwam. Plan een nieuw moment voor deze ronde.",
                    $"Action needed — {tender.Reference}: '{deadline.Title.En}' ({shown}) passed before the tender came (back) into this phase. Plan a new moment for this round."),
                cancellationToken);
            return "passed before its window opened: Procurement asked to plan it anew";
        }
        if (DeadlineChangePolicy.PassedBeforeItCouldFire(tender, definition, deadline))
        {
            // E.g. the submission's closing date passed while the final specification was still being written: nothing was
            // open to close, so bidders are not told it closed; the phase cannot open until a new moment is planned.
            await AskToPlanAnewAsync(job, tender, now, "beforeItsPhase",
                new($"Actie nodig — {tender.Reference}: '{deadline.Title.Nl}' ({shown}) verstreek voordat de fase begon die deze termijn sluit. Plan een nieuw moment voordat u die fase opent.",
                    $"Action needed — {tender.Reference}: '{deadline.Title.En}' ({shown}) passed before the phase it closes began. Plan a new moment before you open that phase."),
                cancellationToken);
            return "passed before the phase it closes: Procurement asked to plan it anew";
        }
        await AppendAsync(tender, "deadline.passed", job, new
        {
            deadline = job.DeadlineKey, dueAtUtc = job.DeadlineDueAtUtc, recordedAtUtc = now, lateBySeconds = LateSeconds(job), late = IsLate(job),
            fires = deadline.Fires,
        }, cancellationToken);
        var recipients = await DeadlineRecipients.UserIdsAsync(db, tender, definition, deadline.Notify, cancellationToken);
        notifier.NotifyUsers(db, recipients, tender.Id, "deadline.passed",
            new($"{tender.Reference}: '{deadline.Title.Nl}' is verstreken ({shown}, Nederlandse tijd).",
                $"{tender.Reference}: '{deadline.Title.En}' has passed ({shown}, Amsterdam time)."),
            TenderLink(tender));
        if (deadline.Fires is not { } trigger)
        {
            return "recorded as passed";
        }
        var report = await steps.FireWithinTransactionAsync(tender.Id, trigger, null, null, Actor.Scheduler, cancellationToken);
        if (report.Violation is { } violation)
        {
            if (violation.Rule is not ("GuardsUnmetRule" or "TriggerNotAvailableInPhaseRule" or "RoleMayNotFireTriggerRule"))
            {
                // A lost race or a follow-up that refused: nothing of this run may stand; Hangfire tries again later.
                throw new DeadlineJobFailedException(planned, $"{trigger} for tender {tender.Id} was refused: {violation.Rule} — {violation.Message.En}");
            }
            await RefuseAsync(job, tender, deadline, trigger, violation, cancellationToken);
            return $"not fired: {violation.Rule}; escalated";
        }
        return $"fired {trigger}";
    }

    private async Task AskToPlanAnewAsync(DeadlineJob job, Tender tender, DateTime now, string passedBefore, LocalizedText text, CancellationToken cancellationToken)
    {
        await AppendAsync(tender, "deadline.passed", job, new Dictionary<string, object?>
        {
            ["deadline"] = job.DeadlineKey, ["dueAtUtc"] = job.DeadlineDueAtUtc, ["recordedAtUtc"] = now, [passedBefore] = true, ["fires"] = null,
        }, cancellationToken);
        await NotifyProcurementAsync(tender, "deadline.replan", text, cancellationToken);
    }

    private async Task RefuseAsync(DeadlineJob job, Tender tender, DeadlineDefinition deadline, string trigger, RuleViolation violation, CancellationToken cancellationToken)
    {
        await AppendAsync(tender, "deadline.trigger.refused", job, new
        {
            deadline = job.DeadlineKey, trigger, rule = violation.Rule, reasonNl = violation.Message.Nl, reasonEn = violation.Message.En,
        }, cancellationToken);
        await NotifyProcurementAsync(tender, "deadline.escalated",
            new($"Actie nodig — {tender.Reference}: '{deadline.Title.Nl}' is verstreken, maar de stap '{trigger}' kon niet automatisch worden gezet: {violation.Message.Nl}",
                $"Action needed — {tender.Reference}: '{deadline.Title.En}' has passed, but step '{trigger}' could not be taken automatically: {violation.Message.En}"),
            cancellationToken);
    }

    private async Task<string> EscalateAsync(DeadlineJob job, Tender tender, WorkflowDefinition definition, DeadlineDefinition deadline, DateTime now, CancellationToken cancellationToken)
    {
        if (DeadlineChangePolicy.PassedBeforeItsWindowOpened(tender, deadline, job.DeadlineDueAtUtc) || DeadlineChangePolicy.PassedBeforeItCouldFire(tender, definition, deadline))
        {
            return "not escalated: passed before anyone could act on it (the close asked Procurement to plan it anew)";
        }
        var phase = definition.Phase(tender.Phase).Title;
        var overdue = now - job.DeadlineDueAtUtc;
        await AppendAsync(tender, "deadline.escalated", job, new
        {
            deadline = job.DeadlineKey, dueAtUtc = job.DeadlineDueAtUtc, phase = tender.Phase, overdueHours = Math.Round(overdue.TotalHours, 1),
        }, cancellationToken);
        await NotifyProcurementAsync(tender, "deadline.escalated",
            new($"Termijn overschreden — {tender.Reference}: '{deadline.Title.Nl}' ({AmsterdamTime.Format(job.DeadlineDueAtUtc)}) is verstreken en de aanbesteding staat nog in de fase '{phase.Nl}'.",
                $"Overdue — {tender.Reference}: '{deadline.Title.En}' ({AmsterdamTime.Format(job.DeadlineDueAtUtc)}) has passed and the tender is still in phase '{phase.En}'."),
            cancellationToken);
        return "escalated to Procurement";
    }

    private async Task NotifyProcurementAsync(Tender tender, string kind, LocalizedText text, CancellationToken cancellationToken)
    {
        var procurement = await DeadlineRecipients.InRoleAsync(db, Domain.Workflow.Roles.Procurement, cancellationToken);
        notifier.NotifyUsers(db, procurement, tender.Id, kind, text, TenderLink(tender));
    }

    private Task AppendAsync(Tender tender, string action, DeadlineJob job, object payload, CancellationToken cancellationToken) =>
        audit.AppendAsync(db, Actor.Scheduler.Id, Domain.Workflow.Roles.System, tender.Id,
            [new AuditRecord(action, $"tender/{tender.Id}/deadline/{job.DeadlineKey}", payload)], cancellationToken);

    private static double LateSeconds(DeadlineJob job) => Math.Round(Math.Max(0, job.LatenessMilliseconds) / 1000.0, 1);

    private static bool IsLate(DeadlineJob job) => job.LatenessMilliseconds > LateAfter.TotalMilliseconds;

    private static string TenderLink(Tender tender) => $"/tenders/{tender.Id}";

    public static NotificationCalendar Calendar(Tender tender, DeadlineDefinition deadline, DateTime dueUtc) =>
        new($"deadline-{tender.Id:N}-{deadline.Id}@tenderflow", dueUtc, dueUtc,
            $"{tender.Reference}: {deadline.Title.Nl}", $"{tender.Reference}: {deadline.Title.En}");
}

/// <summary>A deadline job that must be retried: its whole run was rolled back.</summary>
public sealed class DeadlineJobFailedException(PlannedDeadlineJob job, string message, Exception? inner = null) : Exception(message, inner)
{
    public PlannedDeadlineJob Job { get; } = job;
}
