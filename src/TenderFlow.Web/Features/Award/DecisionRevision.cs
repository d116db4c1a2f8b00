using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award;

/// <summary>
/// A revised decision no longer stands: every objection against it is settled by the revision (superseded), and a revised
/// award decision is marked so. Everyone the decision was addressed to, and every objector, is told it was withdrawn and
/// why (their standstill no longer runs). The corrected decision is announced again, with a new standstill and new objections.
/// </summary>
public abstract class DecisionRevision(TenderFlowDbContext db, AuditTrail audit, Notifications.Notifier notifier, ObjectedDecision decision) : IStepFollowUp
{
    public abstract string Trigger { get; }

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var now = outcome.AtUtc;
        var reason = AwardLetterDispatch.StepReason(outcome);
        var objections = await db.Objections.Where(o => o.TenderId == tender.Id && o.Decision == decision && o.SupersededAtUtc == null).ToListAsync(ct);
        foreach (var objection in objections)
        {
            objection.SupersededAtUtc = now;
        }
        var records = new List<AuditRecord>();
        if (decision == ObjectedDecision.Award)
        {
            foreach (var current in await db.AwardDecisions.Where(d => d.TenderId == tender.Id && d.RevisedAtUtc == null).ToListAsync(ct))
            {
                current.RevisedAtUtc = now;
                current.RevisionReason = reason;
                records.Add(new AuditRecord("award.decision.revised", $"award/{current.Id}", new { reason }));
            }
        }
        records.AddRange(objections.Select(o => new AuditRecord("award.objection.superseded", $"objection/{o.Id}", new { decision = decision.ToString(), status = o.Status.ToString() })));
        if (records.Count > 0)
        {
            await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id, records, ct);
        }
        await NotifyAddresseesAsync(tender, reason, objections.Select(o => o.ApplicationId), ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task NotifyAddresseesAsync(Tender tender, string? reason, IEnumerable<Guid> objectors, CancellationToken ct)
    {
        var addressed = decision == ObjectedDecision.Award
            ? await db.AwardDecisions.Where(d => d.TenderId == tender.Id).Select(d => d.ApplicationId).ToListAsync(ct)
            : await db.SelectionLetters.Where(l => l.TenderId == tender.Id).Select(l => l.ApplicationId).ToListAsync(ct);
        var applicationIds = addressed.Concat(objectors).Distinct().ToList();
        var organisations = (await db.Applications.AsNoTracking().Include(a => a.Members).Where(a => applicationIds.Contains(a.Id)).ToListAsync(ct))
            .SelectMany(a => a.OrganisationIds).Distinct().ToList();
        var (nl, en) = decision == ObjectedDecision.Award ? ("gunningsbeslissing", "award decision") : ("selectiebeslissing", "selection decision");
        await notifier.NotifyOrganisationsAsync(db, organisations, tender.Id, $"{(decision == ObjectedDecision.Award ? "award" : "selection")}.decision.revised",
            new($"De {nl} voor {tender.Title} is ingetrokken om te worden herzien; de opschortende termijn ervan loopt niet meer. Reden: “{reason}”. U ontvangt een nieuwe beslissing.",
                $"The {en} for {tender.Title} has been withdrawn to be revised; its standstill period no longer runs. Reason: “{reason}”. You will receive a new decision."),
            $"/tenders/{tender.Id}", ct);
    }
}

public sealed class AwardRevision(TenderFlowDbContext db, AuditTrail audit, Notifications.Notifier notifier) : DecisionRevision(db, audit, notifier, ObjectedDecision.Award)
{
    public override string Trigger => AwardNames.ReviseAwardTrigger;
}

public sealed class SelectionRevision(TenderFlowDbContext db, AuditTrail audit, Notifications.Notifier notifier) : DecisionRevision(db, audit, notifier, ObjectedDecision.Selection)
{
    public override string Trigger => AwardNames.ReviseSelectionTrigger;
}

/// <summary>Stamps the final award on the decision it makes definitive (the date on the public award notice).</summary>
public sealed class FinalAwardRecord(TenderFlowDbContext db, AuditTrail audit) : IStepFollowUp
{
    public string Trigger => AwardNames.FinalAwardTrigger;

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var decision = await db.AwardDecisions.Where(d => d.TenderId == tender.Id && d.RevisedAtUtc == null).OrderByDescending(d => d.AnnouncedAtUtc).FirstOrDefaultAsync(ct);
        if (decision is null)
        {
            return AwardRules.NoParticipant();
        }
        decision.FinalAwardAtUtc = outcome.AtUtc;
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id,
            [new AuditRecord("award.final", $"award/{decision.Id}", new { decision.ApplicationId, finalAwardAtUtc = decision.FinalAwardAtUtc })], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
