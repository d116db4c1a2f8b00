using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Deadlines.Changes;

/// <summary>After a change that was made: the saved tender and its definition.</summary>
public sealed record DeadlineChangeReport(Tender? Tender, WorkflowDefinition? Definition, RuleViolation? Violation);

/// <summary>
/// Changes a planned deadline in one transaction: the new moment (and the deadlines counted from it), the audit event
/// (a rectification, or an extension after an outage), a notification with a calendar update to everyone it concerns,
/// and the deadline jobs re-planned. The caller has checked that the actor may manage the tender.
/// </summary>
public sealed class DeadlineChanges(
    TenderFlowDbContext db, DefinitionCatalog catalog, DeadlineSchedule schedule, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public async Task<DeadlineChangeReport> ChangeAsync(Guid tenderId, DeadlineChangeRequest request, long? expectedRevision, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await TenderSteps.TenderForStep(db, tenderId, cancellationToken);
        if (tender is null)
        {
            return new(null, null, TenderRules.NotFound(tenderId));
        }
        if (expectedRevision is not null && expectedRevision != tender.Revision)
        {
            return new(null, null, TenderRules.Stale(expectedRevision.Value, tender.Revision));
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        // Decided by the server clock inside the write lock, so a deadline passing during the request is honoured.
        var now = clock.GetUtcNow().UtcDateTime;
        var (change, violation) = DeadlineChangePolicy.Check(tender, definition, request, now);
        if (change is null)
        {
            return new(tender, definition, violation);
        }
        // The recorded contract's start date governs (the public notice and OCDS show it): it changes there, and this deadline follows.
        if (change.Deadline.Id == Award.AwardNames.ContractStart && await db.ContractRecords.AnyAsync(c => c.TenderId == tender.Id, cancellationToken))
        {
            return new(tender, definition, Award.AwardRules.ContractStartFollowsContract());
        }

        var changes = DeadlinePlanner.Reschedule(tender, definition, change.Deadline.Id, change.NewUtc, now);
        tender.Revision++;
        var recipients = await DeadlineRecipients.UserIdsAsync(db, tender, definition, change.Deadline.Notify.Append(DeadlineAudiences.Procurement), cancellationToken);
        await audit.AppendAsync(db, actor.Id, Domain.Workflow.Roles.Procurement, tender.Id,
            [new AuditRecord(change.Outage ? "deadline.extended" : "deadline.rectified", $"tender/{tender.Id}/deadline/{change.Deadline.Id}", new
            {
                deadline = change.Deadline.Id,
                oldDueAtUtc = change.OldUtc,
                newDueAtUtc = change.NewUtc,
                oldAmsterdam = change.OldUtc is { } old ? AmsterdamMoment.Show(old) : null,
                newAmsterdam = AmsterdamMoment.Show(change.NewUtc),
                reason = change.Reason,
                outage = change.Outage,
                newRound = change.NewRound,
                beforeItsPhase = change.BeforeItsPhase,
                cascaded = changes.Skip(1).Select(c => new { deadline = c.Key, oldDueAtUtc = c.FromUtc, newDueAtUtc = c.ToUtc, newAmsterdam = AmsterdamMoment.Show(c.ToUtc) }),
                recipients = DeadlineRecipients.RecordableCount(change.Deadline.Notify, recipients.Count),
            })], cancellationToken);
        var announcement = Announcement(tender, change);
        var calendar = DeadlineJobRunner.Calendar(tender, change.Deadline, change.NewUtc);
        notifier.NotifyUsers(db, recipients, tender.Id, "deadline.changed", announcement, $"/tenders/{tender.Id}", calendar);
        await NotifyCascadedAsync(tender, definition, change, changes.Skip(1), cancellationToken);
        await schedule.SyncAsync(tender, definition, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(tender, definition, TenderRules.ConcurrentStep());
        }
        await transaction.CommitAsync(cancellationToken);
        return new(tender, definition, null);
    }

    /// <summary>Deadlines counted from the changed one moved too: their people get the new moment and their calendars follow.</summary>
    private async Task NotifyCascadedAsync(Tender tender, WorkflowDefinition definition, AllowedDeadlineChange change, IEnumerable<DeadlineChange> cascaded, CancellationToken cancellationToken)
    {
        foreach (var moved in cascaded)
        {
            var deadline = definition.Deadline(moved.Key)!;
            var recipients = await DeadlineRecipients.UserIdsAsync(db, tender, definition, deadline.Notify.Append(DeadlineAudiences.Procurement), cancellationToken);
            var now = AmsterdamMoment.Show(moved.ToUtc);
            var text = new LocalizedText(
                $"{tender.Reference}: '{deadline.Title.Nl}' volgt '{change.Deadline.Title.Nl}' en staat nu op {now} (Nederlandse tijd).",
                $"{tender.Reference}: '{deadline.Title.En}' follows '{change.Deadline.Title.En}' and is now {now} (Amsterdam time).");
            var calendar = DeadlineJobRunner.Calendar(tender, deadline, moved.ToUtc);
            notifier.NotifyUsers(db, recipients, tender.Id, "deadline.changed", text, $"/tenders/{tender.Id}", calendar);
        }
    }

    private static LocalizedText Announcement(Tender tender, AllowedDeadlineChange change)
    {
        var was = change.OldUtc is { } old ? AmsterdamMoment.Show(old) : null;
        var now = AmsterdamMoment.Show(change.NewUtc);
        var title = change.Deadline.Title;
        if (change.BeforeItsPhase)
        {
            return new($"{tender.Reference}: '{title.Nl}' is opnieuw gepland, omdat de termijn verstreek voordat de fase begon die hij sluit: was {was}, nu {now} (Nederlandse tijd). Reden: {change.Reason}",
                $"{tender.Reference}: '{title.En}' has been planned anew, as it passed before the phase it closes began: it was {was}, it is now {now} (Amsterdam time). Reason: {change.Reason}");
        }
        if (change.NewRound)
        {
            return new($"{tender.Reference}: '{title.Nl}' is voor een nieuwe ronde opnieuw gepland: was {was}, nu {now} (Nederlandse tijd). Reden: {change.Reason}",
                $"{tender.Reference}: '{title.En}' has been planned anew for a new round: it was {was}, it is now {now} (Amsterdam time). Reason: {change.Reason}");
        }
        return change.Outage
            ? new($"{tender.Reference}: '{title.Nl}' is na een storing van het platform verlengd van {was ?? "(nog niet gepland)"} tot {now} (Nederlandse tijd). Reden: {change.Reason}",
                $"{tender.Reference}: '{title.En}' has been extended after a platform outage from {was ?? "(not planned yet)"} to {now} (Amsterdam time). Reason: {change.Reason}")
            : new($"{tender.Reference}: '{title.Nl}' is gewijzigd van {was ?? "(nog niet gepland)"} naar {now} (Nederlandse tijd). Reden: {change.Reason}",
                $"{tender.Reference}: '{title.En}' has been changed from {was ?? "(not planned yet)"} to {now} (Amsterdam time). Reason: {change.Reason}");
    }
}
