using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Award;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>
/// <c>reviseAward</c> reopens the committee's consensus, in the step's transaction: an objection upheld because a judgement
/// or its motivation was wrong can only be put right by a corrected consensus, which the next award letter then carries.
/// The superseded rows stay on record. The evaluators' individual judgements stand: they were given independently, before
/// anyone saw the others', and re-judging after reading them would no longer be independent; the chair settles anew on them.
/// </summary>
public sealed class RevisedAwardConsensus(TenderFlowDbContext db, AuditTrail audit) : IStepFollowUp
{
    public const string Action = "assessment.consensus.superseded";

    public string Trigger => AwardNames.ReviseAwardTrigger;

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var consensus = await db.QualityConsensus.Where(c => c.TenderId == tender.Id).ToListAsync(ct);
        if (consensus.Count == 0)
        {
            return null;
        }
        consensus.ForEach(c => c.SupersededAtUtc = outcome.AtUtc);
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id,
            [new AuditRecord(Action, $"tender/{tender.Id}", new
            {
                reason = AwardLetterDispatch.StepReason(outcome),
                criteria = consensus.Select(c => new { key = c.CriterionKey, sufficient = c.Sufficient, motivation = c.Motivation, recordedAtUtc = c.RecordedAtUtc }),
            })], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
