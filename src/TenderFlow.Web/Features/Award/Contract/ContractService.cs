using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Award.Contract;

/// <summary>
/// The contract record (after the final award, capability <c>contract.record</c>; correctable after the start until the
/// first extension decision) and the later extension decisions.
/// Recording it plans the tender's <c>contractStart</c> deadline at 00:00 Amsterdam of the start date, which
/// <c>startContract</c> waits for.
/// </summary>
public sealed class ContractService(TenderFlowDbContext db, DefinitionCatalog catalog, AuditTrail audit, TimeProvider clock, Deadlines.DeadlineSchedule schedule,
    Notifications.Notifier notifier)
{
    public const string ContractRecordedAction = "contract.recorded";

    /// <summary>The record corrected after the contract started (its terms as they now stand, and the previous ones).</summary>
    public const string ContractCorrectedAction = "contract.corrected";

    public async Task<RuleViolation?> RecordAsync(Guid tenderId, ClaimsPrincipal user, ContractRequest request, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(request.StartDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || start.Year is < AmsterdamMoment.FirstYear or > AmsterdamMoment.LastYear)
        {
            return AwardRules.StartDateInvalid();
        }
        var options = (request.ExtensionOptions ?? []).Select(o => o.Years).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, ct);
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, ct);
        // Once running (startContract: a start date already reached starts it at once) the record may still be corrected,
        // until the first extension decision builds on it.
        var running = tender.Phase == AwardNames.ContractRunningPhase;
        if ((!running && !definition.Phase(tender.Phase).Capabilities.Contains(AwardNames.ContractCapability))
            || (running && await db.ExtensionDecisions.AnyAsync(e => e.TenderId == tenderId, ct)))
        {
            return AwardRules.ContractClosed();
        }
        var finalAward = await db.AwardDecisions.AsNoTracking().Where(d => d.TenderId == tenderId && d.FinalAwardAtUtc != null)
            .Select(d => d.FinalAwardAtUtc).MaxAsync(ct) ?? tender.PhaseEnteredAtUtc;
        if (ContractTerms.Check(start, request.BaseTermYears ?? 0, options, request.MaximumTermYears, DateOnly.FromDateTime(AmsterdamTime.ToLocal(finalAward))) is { } broken)
        {
            return broken;
        }
        var actor = user.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.ContractRecords.SingleOrDefaultAsync(c => c.TenderId == tenderId, ct);
        var previous = record is null ? null : new { startDate = record.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.BaseTermYears, record.OptionYears, record.MaximumTermYears };
        if (record is null)
        {
            record = new ContractRecord { TenderId = tenderId, RecordedByUserId = actor.Id };
            db.ContractRecords.Add(record);
        }
        record.StartDate = start;
        record.BaseTermYears = request.BaseTermYears!.Value;
        record.OptionYears = string.Join(",", options);
        record.MaximumTermYears = request.MaximumTermYears;
        record.RecordedByUserId = actor.Id;
        record.RecordedAtUtc = now;
        // A start date already reached (the day of the final award, or recorded afterwards) starts the contract now: a deadline
        // set before this phase began would never fire in it (a deadline passed before its window is planned anew).
        var deadline = tender.Deadline(AwardNames.ContractStart);
        var midnight = AmsterdamTime.ToUtcLenient(start.ToDateTime(TimeOnly.MinValue));
        // Saved again after that: the moment already set stands (no new notice each time). Once running the deadline no
        // longer fires anything (it is active in implementation only): it simply shows the corrected start.
        var startUtc = running || midnight > now ? midnight : deadline?.DueAtUtc is { } set && set <= now && set >= midnight ? set : now;
        var moved = deadline?.DueAtUtc != startUtc;
        if (deadline is null)
        {
            tender.Deadlines.Add(new TenderDeadline { TenderId = tenderId, Key = AwardNames.ContractStart, DueAtUtc = startUtc, SetAtUtc = now });
        }
        else if (moved)
        {
            deadline.DueAtUtc = startUtc;
            deadline.SetAtUtc = now;
        }
        if (moved && definition.Deadline(AwardNames.ContractStart) is { } contractStart)
        {
            // As a deadline change tells its people: the participant's calendar follows the contract's start.
            notifier.NotifyUsers(db, await Deadlines.DeadlineRecipients.UserIdsAsync(db, tender, definition, contractStart.Notify, ct), tenderId, "deadline.changed",
                new($"{tender.Reference}: de overeenkomst gaat in op {start.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}.",
                    $"{tender.Reference}: the contract starts on {start.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}."),
                $"/tenders/{tenderId}/contract", Deadlines.DeadlineJobRunner.Calendar(tender, contractStart, startUtc));
        }
        tender.Revision++;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord(running ? ContractCorrectedAction : ContractRecordedAction, $"tender/{tenderId}", new
            {
                startDate = record.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), baseTermYears = record.BaseTermYears, extensionOptions = options,
                maximumTermYears = record.MaximumTermYears, totalTermYears = record.TotalTermYears, contractStartUtc = startUtc, previous,
            })], ct);
        await schedule.SyncAsync(tender, definition, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> DecideExtensionAsync(Guid tenderId, ClaimsPrincipal user, ExtensionRequest request, CancellationToken ct)
    {
        var (reason, unreadable) = EnteredText.Read(request.Reason, "reason");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (request.Exercised is null || string.IsNullOrEmpty(reason))
        {
            return AwardRules.ReasoningRequired("reason");
        }
        if (reason.Length > ExtensionDecision.MaxReasonLength)
        {
            return AwardRules.TextTooLong("reason");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, ct);
        // Not before the contract starts: a decision locks the record, so an early one would leave a wrong start date uncorrectable.
        if (tender.Phase != AwardNames.ContractRunningPhase)
        {
            return AwardRules.ExtensionClosed();
        }
        var record = await db.ContractRecords.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tenderId, ct);
        if (record is null)
        {
            return AwardRules.NoContract();
        }
        var options = record.Options;
        if (request.Option is not { } option || option < 1 || option > options.Count)
        {
            return AwardRules.ExtensionOutOfRange(options.Count);
        }
        var decided = await db.ExtensionDecisions.AsNoTracking().Where(e => e.TenderId == tenderId).OrderBy(e => e.Option).ToListAsync(ct);
        // Options run in sequence: once one is not exercised the contract ends, so later ones cannot be exercised.
        var next = decided.Any(e => !e.Exercised) ? 0 : decided.Count + 1;
        if (option != next)
        {
            return AwardRules.ExtensionOutOfOrder(next);
        }
        var actor = user.ToActor();
        var decision = new ExtensionDecision
        {
            Id = Guid.NewGuid(), TenderId = tenderId, Option = option, Exercised = request.Exercised.Value, Reason = reason,
            DecidedByUserId = actor.Id, DecidedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ExtensionDecisions.Add(decision);
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("contract.extension.decided", $"tender/{tenderId}", new { option, years = options[option - 1], exercised = decision.Exercised, reason })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Staff and the participant may read the contract record.</summary>
    public async Task<bool> MayReadAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin)
            || await SelectedParticipant.IsParticipantAsync(db, tenderId, user, ct);

    public async Task<ContractView?> ViewAsync(Guid tenderId, CancellationToken ct)
    {
        var record = await db.ContractRecords.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tenderId, ct);
        if (record is null)
        {
            return null;
        }
        var options = record.Options;
        var extensions = await db.ExtensionDecisions.AsNoTracking().Where(e => e.TenderId == tenderId).OrderBy(e => e.Option).ToListAsync(ct);
        var years = record.BaseTermYears + extensions.Where(e => e.Exercised).Sum(e => options[e.Option - 1]);
        return new ContractView(record.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.BaseTermYears, options, record.MaximumTermYears,
            record.TotalTermYears, record.RecordedAtUtc,
            extensions.Select(e => new ExtensionView(e.Option, options[e.Option - 1], e.Exercised, e.Reason, e.DecidedAtUtc)).ToList(),
            record.StartDate.AddYears(years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
