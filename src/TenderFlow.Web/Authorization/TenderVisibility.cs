using System.Security.Claims;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Authorization;

/// <summary>
/// The single statement of who can see which tender, as a query, so the list endpoint and the per-tender check
/// can never disagree: staff who run or review procedures see all; evaluators their assignments; bidders public
/// tenders and those their organisation takes part in; partners public ones and those with a dialogue theme they are invited to.
/// </summary>
public static class TenderVisibility
{
    public static IQueryable<Tender> VisibleTo(this IQueryable<Tender> tenders, ClaimsPrincipal user, TenderFlowDbContext db)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal))
        {
            return tenders;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var organisationId = user.OrganisationId();
        var evaluator = user.IsInRole(Roles.Evaluator);
        var bidder = user.IsInRole(Roles.Bidder) && organisationId is not null;
        var partner = user.IsInRole(Roles.Partner);
        var outsider = user.IsInRole(Roles.Bidder) || partner;
        return tenders.Where(t =>
            (evaluator && db.EvaluatorAssignments.Any(a => a.TenderId == t.Id && a.UserId == userId))
            || (bidder && db.TenderParticipants.Any(p => p.TenderId == t.Id && p.OrganisationId == organisationId))
            || (partner && db.DialoguePartnerInvitations.Any(i => i.TenderId == t.Id && i.UserId == userId && i.RevokedAtUtc == null))
            || (outsider && t.AnnouncedAtUtc != null));
    }
}
