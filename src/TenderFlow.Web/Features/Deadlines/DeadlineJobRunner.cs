using Hangfire;
using Microsoft.EntityFrameworkCore;
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
/// Runs one deadline job. It first claims the row (Scheduled → Done) with a conditional UPDATE, which takes SQLite's write
/// lock: a second delivery of the same job, from this or another server, waits and then finds nothing to claim. The work
/// (audit, notifications, the engine step of the definition's trigger) commits with the claim or not at all; an exception
/// rolls both back and Hangfire retries.
/// </summary>
public sealed class DeadlineJobRunner(
    TenderFlowDbContext db, TenderSteps steps, DefinitionCatalog catalog, Notifier notifier, AuditTrail audit, TimeProvider clock,
    IBackgroundJobClient jobs, ILogger<DeadlineJobRunner> logger)
{
    /// <summary>A job that runs more than this after its moment is audited as late (the platform was down or overloaded).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    /// <summary>The state the row ended in, or null when this delivery found nothing to do.</summary>
    public async Task<DeadlineJobState?> RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.DeadlineJobs
            .Where(j => j.Id == jobId && j.State == DeadlineJobState.Scheduled && j.RunAtUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, DeadlineJobState.Done).SetProperty(j => j.CompletedAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await WakeAgainIfEarlyAsync(jobId, now, cancellationToken);
            return null;
        }
        var job = await db.DeadlineJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        job.LatenessMilliseconds = (long)(now - job.RunAtUtc).TotalMilliseconds;
        var tender = await TenderSteps.TenderForStep(db, job.TenderId, cancellationToken)
            ?? throw new InvalidOperationException($"Deadline job {jobId} names tender {job.TenderId}, which does not exist.");
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        var deadline = definition.Deadline(job.DeadlineKey)
            ?? throw new InvalidOperationException($"Deadline '{job.DeadlineKey}' is not in {definition.Id} v{definition.Version}.");

        if (WhyNot(job, tender, deadline, now) is { } reason)
        {
            job.State = DeadlineJobState.Skipped;
            job.Outcome = "skipped: " + reason;
        }
        else
        {
            job.Outcome = job.Kind switch
            {
                DeadlineJobKind.Reminder => await RemindAsync(job, tender, deadline, cancellationToken),
                DeadlineJobKind.Close => await CloseAsync(job, tender, deadline, now, cancellationToken),
                DeadlineJobKind.Escalation => await EscalateAsync(job, tender, definition, deadline, now, cancellationToken),
            };
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job.State;
    }

    /// <summary>
    /// Every scheduled job whose moment has passed (by at least <paramref name="olderThan"/>), oldest first: the start-up
    /// reconciliation and the sweep. One job that fails does not stop the others; it stays scheduled for its retries.
    /// </summary>
    public async Task<int> RunOverdueAsync(CancellationToken cancellationToken, TimeSpan olderThan = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - olderThan;
        var due = await db.DeadlineJobs.AsNoTracking()
            .Where(j => j.State == DeadlineJobState.Scheduled && j.RunAtUtc <= before)
            .OrderBy(j => j.RunAtUtc).ThenBy(j => j.Kind).Select(j => j.Id).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                if (await RunAsync(id, cancellationToken) is not null)
                {
                    ran++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deadline job {JobId} failed; it stays scheduled and is retried", id);
            }
        }
        return ran;
    }

    private async Task WakeAgainIfEarlyAsync(Guid jobId, DateTime now, CancellationToken cancellationToken)
    {
        // Hangfire may start a job up to a second before its moment: nothing was claimed, so ask to be woken on time.
        var runAt = await db.DeadlineJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.State == DeadlineJobState.Scheduled).Select(j => (DateTime?)j.RunAtUtc).SingleOrDefaultAsync(cancellationToken);
        if (runAt > now)
        {
            jobs.Schedule<DeadlineJobRunner>(r => r.RunAsync(jobId, CancellationToken.None), runAt.Value - now);
        }
    }

    private static string? WhyNot(DeadlineJob job, Tender tender, DeadlineDefinition deadline, DateTime now)
    {
        if (tender.Deadline(job.DeadlineKey)?.DueAtUtc != job.DeadlineDueAtUtc)
        {
            return "the deadline was moved";
        }
        if (!deadline.ActiveIn.Contains(tender.Phase))
        {
            return $"the tender moved on to phase {tender.Phase}";
        }
        return job.Kind == DeadlineJobKind.Reminder && now >= job.DeadlineDueAtUtc ? "the deadline passed before the reminder could be sent" : null;
    }

    private async Task<string> RemindAsync(DeadlineJob job, Tender tender, DeadlineDefinition deadline, CancellationToken cancellationToken)
    {
        var recipients = await DeadlineRecipients.UserIdsAsync(db, tender.Id, deadline.Notify, cancellationToken);
        var shown = AmsterdamTime.Format(job.DeadlineDueAtUtc);
        notifier.NotifyUsers(db, recipients, tender.Id, "deadline.reminder",
            new($"Herinnering — {tender.Reference}: '{deadline.Title.Nl}' verloopt op {shown} (Nederlandse tijd).",
                $"Reminder — {tender.Reference}: '{deadline.Title.En}' falls due on {shown} (Amsterdam time)."),
            TenderLink(tender), Calendar(tender, deadline, job.DeadlineDueAtUtc));
        await AppendAsync(tender, "deadline.reminder.sent", job, new
        {
            deadline = job.DeadlineKey, dueAtUtc = job.DeadlineDueAtUtc, before = job.Offset, recipients = recipients.Count,
            lateBySeconds = LateSeconds(job), late = IsLate(job),
        }, cancellationToken);
        return $"reminded {recipients.Count} people";
    }

    private async Task<string> CloseAsync(DeadlineJob job, Tender tender, DeadlineDefinition deadline, DateTime now, CancellationToken cancellationToken)
    {
        var shown = AmsterdamTime.Format(job.DeadlineDueAtUtc);
        await AppendAsync(tender, "deadline.passed", job, new
        {
            deadline = job.DeadlineKey, dueAtUtc = job.DeadlineDueAtUtc, recordedAtUtc = now, lateBySeconds = LateSeconds(job), late = IsLate(job),
            fires = deadline.Fires,
        }, cancellationToken);
        var recipients = await DeadlineRecipients.UserIdsAsync(db, tender.Id, deadline.Notify, cancellationToken);
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
                throw new DeadlineJobFailedException($"{trigger} for tender {tender.Id} was refused: {violation.Rule} — {violation.Message.En}");
            }
            await RefuseAsync(job, tender, deadline, trigger, violation, cancellationToken);
            return $"not fired: {violation.Rule}; escalated";
        }
        return $"fired {trigger}";
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
        var procurement = await DeadlineRecipients.UserIdsAsync(db, tender.Id, [DeadlineAudiences.Procurement], cancellationToken);
        notifier.NotifyUsers(db, procurement, tender.Id, kind, text, TenderLink(tender));
    }

    private Task AppendAsync(Tender tender, string action, DeadlineJob job, object payload, CancellationToken cancellationToken) =>
        audit.AppendAsync(db, Actor.Scheduler.Id, Domain.Workflow.Roles.System, tender.Id,
            [new AuditRecord(action, $"tender/{tender.Id}/deadline/{job.DeadlineKey}", payload)], cancellationToken);

    private static double LateSeconds(DeadlineJob job) => Math.Round(Math.Max(0, job.LatenessMilliseconds ?? 0) / 1000.0, 1);

    private static bool IsLate(DeadlineJob job) => job.LatenessMilliseconds > LateAfter.TotalMilliseconds;

    private static string TenderLink(Tender tender) => $"/tenders/{tender.Id}";

    public static NotificationCalendar Calendar(Tender tender, DeadlineDefinition deadline, DateTime dueUtc) =>
        new($"deadline-{tender.Id:N}-{deadline.Id}@tenderflow", dueUtc, dueUtc,
            $"{tender.Reference}: {deadline.Title.Nl}", $"{tender.Reference}: {deadline.Title.En}");
}

/// <summary>A deadline job that must be retried: its whole run was rolled back.</summary>
public sealed class DeadlineJobFailedException(string message) : Exception(message);
