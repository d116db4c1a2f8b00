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
/// recomputed hashes cannot recall the mails already sent. A chain found broken is reported instead, to Legal and Admin,
/// every day until it is dealt with. Nothing is sent when nothing was written since the last report, nor twice within
/// <see cref="MinimumGap"/> (two servers, a manual run).
/// </summary>
public sealed class AuditAnchorMail(TenderFlowDbContext db, DataDirectory data, Notifier notifier, AuditTrail audit, TimeProvider clock, ILogger<AuditAnchorMail> logger)
{
    public const string SentAction = "audit.anchor.sent";
    public const string BrokenAction = "audit.chain.broken.reported";
    public const string AnchorKind = "audit.anchor";
    public const string BrokenKind = "audit.chain.broken";
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(20);

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
        var recipients = await UsersInAsync(chain.Intact ? [Roles.Legal] : [Roles.Legal, Roles.Admin], cancellationToken);
        if (recipients.Count == 0)
        {
            logger.LogWarning("No user has the Legal role: the audit anchor of {Count} events was not sent", chain.EventCount);
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await DueAsync(cancellationToken))
        {
            return null;
        }
        var day = AmsterdamTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (chain.Intact)
        {
            var anchor = new AuditAnchor(chain.EventCount, chain.HeadHash);
            notifier.NotifyUsers(db, recipients, null, AnchorKind, new LocalizedText(
                $"Auditanker van {day}: {anchor}. Bewaar dit bericht buiten TenderFlow. Met dit anker controleert u later of er geen gebeurtenissen zijn verwijderd of herschreven (op de audittrailpagina van een aanbesteding, of met audit verify --anchor {anchor}).",
                $"Audit anchor of {day}: {anchor}. Keep this message outside TenderFlow. With this anchor you can check later that no events were removed or rewritten (on a tender's audit trail page, or with audit verify --anchor {anchor})."), null);
            await audit.AppendAsync(db, Actor.Scheduler.Id, Roles.System, null,
                [new AuditRecord(SentAction, "audit/chain", new { sequence = anchor.Sequence, hash = anchor.Hash, recipients = recipients.Count })], cancellationToken);
        }
        else
        {
            notifier.NotifyUsers(db, recipients, null, BrokenKind, new LocalizedText(
                $"De auditketen is GEBROKEN bij gebeurtenis {chain.BrokenAtSequence} (controle van {day}): {chain.Problem}. Schakel direct de jurist en de beheerder in; wijzig niets aan de database.",
                $"The audit chain is BROKEN at event {chain.BrokenAtSequence} (check of {day}): {chain.Problem}. Involve Legal and the administrator at once; change nothing in the database."), null);
            await audit.AppendAsync(db, Actor.Scheduler.Id, Roles.System, null,
                [new AuditRecord(BrokenAction, "audit/chain", new { brokenAtSequence = chain.BrokenAtSequence, problem = chain.Problem, verifiedEvents = chain.EventCount, recipients = recipients.Count })],
                cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chain;
    }

    private async Task<bool> DueAsync(CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking().Where(e => e.Action == SentAction || e.Action == BrokenAction)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.OccurredAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var head = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken);
        return head is not null && (last is null || (head > last.Sequence && clock.GetUtcNow().UtcDateTime - last.OccurredAtUtc >= MinimumGap));
    }

    private Task<List<string>> UsersInAsync(string[] roles, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where roles.Contains(r.Name!)
         select ur.UserId).Distinct().ToListAsync(cancellationToken);
}
