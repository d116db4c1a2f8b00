using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// A withdrawn tender holds no more consultation sessions: those that have not started are cancelled in the step's
/// transaction, and everyone registered or waiting is told (with a cancelled calendar entry), as when Procurement
/// cancels one session.
/// </summary>
public sealed class SessionsCancelledWithTender(TenderFlowDbContext db, SessionScheduling scheduling, AuditTrail trail) : IStepFollowUp
{
    public string Trigger => "cancel";

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken cancellationToken)
    {
        var upcoming = await db.ConsultationSessions
            .Where(s => s.TenderId == tender.Id && s.CancelledAtUtc == null && s.StartsAtUtc > outcome.AtUtc)
            .OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            return null;
        }
        var records = new List<AuditRecord>();
        foreach (var session in upcoming)
        {
            records.Add(await scheduling.CancelSessionAsync(session, outcome.AtUtc, cancellationToken));
        }
        await trail.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
