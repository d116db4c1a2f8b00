using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// Who may read an application's content (members, references, answers, documents). One decision for the API, the
/// portal and the document endpoint:
/// - bidders of its own organisations (lead and members: they wrote it) — always;
/// - after the four-eyes opening, and only for submitted applications: Procurement, Legal and the evaluators assigned to
///   the tender who declared no (or a cleared) conflict of interest, each read audited;
/// - nobody else. Admin manages people and organisations, not tender content, so Admin is no reader; other bidders never.
/// </summary>
public static class ApplicationAccess
{
    public static bool IsOwn(ClaimsPrincipal user, Application application) =>
        user.IsInRole(Roles.Bidder) && user.OrganisationId() is { } org && application.HasMember(org);

    /// <summary>Staff who read opened applications of this tender (before the seal check).</summary>
    public static async Task<bool> IsContentReaderAsync(ClaimsPrincipal user, Guid tenderId, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal))
        {
            return true;
        }
        // An evaluator reads content only once assigned AND after declaring no conflict of interest (or having it cleared).
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(Roles.Evaluator) && userId is not null
            && await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == tenderId && a.UserId == userId, cancellationToken)
            && await db.ConflictDeclarations.AnyAsync(d => d.TenderId == tenderId && d.EvaluatorUserId == userId
                && (!d.HasConflict || d.Resolution == ConflictResolution.Cleared), cancellationToken);
    }

    public static async Task<DocumentAccess> DecideAsync(ClaimsPrincipal user, Application application, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (IsOwn(user, application))
        {
            return DocumentAccess.Allowed;
        }
        if (application.Status != ApplicationStatus.Submitted
            || !await IsContentReaderAsync(user, application.TenderId, db, cancellationToken)
            || !await ApplicationSeal.IsOpenedAsync(db, application.TenderId, cancellationToken))
        {
            return DocumentAccess.Denied;
        }
        return DocumentAccess.AllowedAndAudited;
    }
}
