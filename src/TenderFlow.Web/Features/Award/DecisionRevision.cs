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
/// award decision is marked so. The corrected decision is announced again, with a new standstill and new objections.
/// </summary>
public abstract class DecisionRevision(TenderFlowDbContext db, AuditTrail audit, ObjectedDecision decision) : IStepFollowUp
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
        await db.SaveChangesAsync(ct);
        return null;
    }
}

public sealed class AwardRevision(TenderFlowDbContext db, AuditTrail audit) : DecisionRevision(db, audit, ObjectedDecision.Award)
{
    public override string Trigger => AwardNames.ReviseAwardTrigger;
}

public sealed class SelectionRevision(TenderFlowDbContext db, AuditTrail audit) : DecisionRevision(db, audit, ObjectedDecision.Selection)
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
