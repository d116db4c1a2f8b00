using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Participation;

/// <summary>
/// "The participant" of phases 4–8: the member organisations of the one selected application (a single organisation or
/// a consortium). Being a <c>TenderParticipant</c> (having applied) is not enough: rejected candidates took part in the
/// selection but must see nothing of the dialogue, the specification, the submission or the award.
/// </summary>
public static class SelectedParticipant
{
    public static async Task<Guid?> ApplicationIdAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
        await db.CandidateSelections.AsNoTracking().Where(s => s.TenderId == tenderId).Select(s => (Guid?)s.ApplicationId).SingleOrDefaultAsync(cancellationToken);

    public static async Task<IReadOnlyList<Guid>> OrganisationIdsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var applicationId = await ApplicationIdAsync(db, tenderId, cancellationToken);
        if (applicationId is null)
        {
            return [];
        }
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken);
        return application.Members.OrderByDescending(m => m.IsLead).Select(m => m.OrganisationId).ToList();
    }

    /// <summary>True for a Bidder whose organisation is a member of the selected application.</summary>
    public static async Task<bool> IsParticipantAsync(TenderFlowDbContext db, Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Bidder) && user.OrganisationId() is { } organisation
            && (await OrganisationIdsAsync(db, tenderId, cancellationToken)).Contains(organisation);

    /// <summary>The ids of every user of the participant's organisations (for notifications and letters).</summary>
    public static async Task<IReadOnlyList<string>> UserIdsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var organisations = await OrganisationIdsAsync(db, tenderId, cancellationToken);
        return await OrganisationBidders.Of(db, organisations).ToListAsync(cancellationToken);
    }
}
