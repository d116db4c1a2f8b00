using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Sealing;

/// <summary>The proces-verbaal (<c>sealing.record</c>) is for Procurement, Legal, Admin and the evaluators assigned to the tender; reads are audited.</summary>
public sealed class SealingReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "sealing.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin))
        {
            return DocumentAccess.AllowedAndAudited;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(Roles.Evaluator) && userId is not null
            && await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == document.TenderId && a.UserId == userId, cancellationToken)
            ? DocumentAccess.AllowedAndAudited
            : DocumentAccess.Denied;
    }
}
