using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Participation;

/// <summary>
/// The people who act for organisations in a tender: users of the organisation who have the Bidder role. Someone whose
/// Bidder role was taken away keeps the organisation field, and must no longer hear from the tender by e-mail either.
/// </summary>
public static class OrganisationBidders
{
    public static IQueryable<string> Of(TenderFlowDbContext db, IReadOnlyCollection<Guid> organisations) =>
        from u in db.Users
        where u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value)
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Bidder
        select u.Id;
}
