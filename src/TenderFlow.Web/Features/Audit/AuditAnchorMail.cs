using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Once a day the chain is verified and its anchor goes to every Legal user (inbox and e-mail), so anchors pile up outside
/// the server without anyone having to remember: whoever later cuts events off the chain's end or rewrites it with
/// recomputed hashes cannot recall the mails already sent (with an SMTP server configured: the default pickup directory
/// lies on the server itself). A chain found broken is reported instead, to Legal and Admin, every day until it is dealt
/// with. No anchor is sent when nothing was written since the last one covered, and no report twice within
/// <see cref="MinimumGap"/> (two servers, a manual run).
/// </summary>
public sealed class AuditAnchorMail(TenderFlowDbContext db, DataDirectory data, Notifier notifier, AuditTrail audit, TimeProvider clock, ILogger<AuditAnchorMail> logger)
{
    public const string SentAction = "audit.anchor.sent";
    public const string BrokenAction = "audit.chain.broken.reported";
    public const string AnchorKind = "audit.anchor";
    public const string BrokenKind = "audit.chain.broken";
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(20);

    /// <summary>An event waiting this long for its anchor (two mornings missed): the audit page warns Legal that the job server is down or the job is failing.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromHours(50);

    /// <summary>What was sent: the anchor, the broken chain's report, or nothing (null).</summary>
    public async Task<AuditVerification?> SendIfDueAsync(CancellationToken cancellationToken)
    {
        if (!await DueAsync(cancellationToken))
        {
            return null;
        }
        // Verified before the write lock is taken: a long walk must not hold up every step. The anchor stays true while
        // the chain grows after it.
        var chain = AuditChainReader.Verify(data.ConnectionString);
        string[] roles = chain.Intact ? [Roles.Legal] : [Roles.Legal, Roles.Admin];
        var recipients = await UsersInAsync(roles, cancellationToken);
        if (recipients.Count == 0)
        {
            logger.LogWarning("No user has the role {Roles}: the audit chain's {What} was not sent", string.Join(" or ", roles),
                chain.Intact ? $"anchor {chain.EventCount}:{chain.HeadHash}" : $"break at event {chain.BrokenAtSequence}");
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await DueAsync(cancellationToken))
        {
            return null;
        }
        var today = AmsterdamTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var (dag, day) = (today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        if (chain.Intact)
        {
            var anchor = new AuditAnchor(chain.EventCount, chain.HeadHash);
            notifier.NotifyUsers(db, recipients, null, AnchorKind, new LocalizedText(
                $"Auditanker van {dag}: {anchor}. Bewaar dit bericht buiten TenderFlow. Met dit anker kunt u later controleren of er gebeurtenissen zijn verwijderd of herschreven (op de audittrailpagina van een aanbesteding, of met audit verify --anchor {anchor}).",
                $"Audit anchor of {day}: {anchor}. Keep this message outside TenderFlow. With this anchor you can check later that no events were removed or rewritten (on a tender's audit trail page, or with audit verify --anchor {anchor})."), null);
            await audit.AppendAsync(db, Actor.Scheduler.Id, Roles.System, null,
                [new AuditRecord(SentAction, "audit/chain", new { sequence = anchor.Sequence, hash = anchor.Hash, recipients = recipients.Count })], cancellationToken);
        }
        else
        {
            notifier.NotifyUsers(db, recipients, null, BrokenKind, new LocalizedText(
                $"De auditketen is VERBROKEN bij gebeurtenis {chain.BrokenAtSequence} (controle van {dag}; reden: {chain.Problem}). Meld dit direct bij de andere juristen en beheerders en wijzig niets in de database.",
                $"The audit chain is BROKEN at event {chain.BrokenAtSequence} (check of {day}; reason: {chain.Problem}). Tell the other lawyers and administrators at once and change nothing in the database."), null);
            await audit.AppendAsync(db, Actor.Scheduler.Id, Roles.System, null,
                [new AuditRecord(BrokenAction, "audit/chain", new { brokenAtSequence = chain.BrokenAtSequence, problem = chain.Problem, verifiedEvents = chain.EventCount, recipients = recipients.Count })],
                cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chain;
    }

    /// <summary>
    /// Due when there has been no report yet; otherwise at least <see cref="MinimumGap"/> after the last one, and then when the
    /// last report was of a broken chain (repeated until it is dealt with), or when an event other than a report was
    /// written after the sequence the last anchor covered (events written while that chain was being checked count too).
    /// </summary>
    private async Task<bool> DueAsync(CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking().Where(e => e.Action == SentAction || e.Action == BrokenAction)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Action, e.OccurredAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return await db.AuditEvents.AnyAsync(cancellationToken);
        }
        if (clock.GetUtcNow().UtcDateTime - last.OccurredAtUtc < MinimumGap)
        {
            return false;
        }
        return last.Action == BrokenAction || await UnanchoredAsync(db, DateTime.MaxValue, cancellationToken);
    }

    /// <summary>Whether an event written before <paramref name="before"/> (other than a report) is not covered by the last anchor sent.</summary>
    public static async Task<bool> UnanchoredAsync(TenderFlowDbContext db, DateTime before, CancellationToken cancellationToken)
    {
        var payload = await db.AuditEvents.AsNoTracking().Where(e => e.Action == SentAction)
            .OrderByDescending(e => e.Sequence).Select(e => e.PayloadJson).FirstOrDefaultAsync(cancellationToken);
        using var document = payload is null ? null : JsonDocument.Parse(payload);
        var covered = document?.RootElement.GetProperty("sequence").GetInt64() ?? 0;
        return await db.AuditEvents.AnyAsync(
            e => e.Sequence > covered && e.Action != SentAction && e.Action != BrokenAction && e.OccurredAtUtc < before, cancellationToken);
    }

    private Task<List<string>> UsersInAsync(string[] roles, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where roles.Contains(r.Name!)
         select ur.UserId).Distinct().ToListAsync(cancellationToken);
}
