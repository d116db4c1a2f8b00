using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Authorization;

// Why: whether someone may see a tender depends on who they are AND on the tender (public or not, their
// organisation's participation, their assignment), so a role check alone would leak non-public tenders to every
// bidder. Reading uses the same query as the tender list (TenderVisibility); confidential parts (dialogue themes,
// participants) need staff or participation; the audit trail is for Legal, Procurement and Admin; managing is Procurement's.
public sealed class TenderAuthorizationHandler(TenderFlowDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Tender>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Tender tender)
    {
        var user = context.User;
        // Nothing may be done with a tender one may not see, so every operation starts from visibility.
        if (!await db.Tenders.Where(t => t.Id == tender.Id).VisibleTo(user, db).AnyAsync())
        {
            return;
        }
        var allowed = requirement.Name switch
        {
            nameof(TenderOperations.Read) => true,
            nameof(TenderOperations.ReadConfidential) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Procurement)
                || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Evaluator)
                || (user.IsInRole(Roles.Bidder) && user.OrganisationId() is { } org
                    && await db.TenderParticipants.AnyAsync(p => p.TenderId == tender.Id && p.OrganisationId == org)),
            nameof(TenderOperations.ReadAudit) => user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Admin),
            nameof(TenderOperations.Manage) => user.IsInRole(Roles.Procurement),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
