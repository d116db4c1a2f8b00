using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>Who is in each <see cref="DeadlineAudiences"/> group for one tender, as user ids. Staff groups are people with the role.</summary>
public static class DeadlineRecipients
{
    public static async Task<IReadOnlyList<string>> UserIdsAsync(TenderFlowDbContext db, Guid tenderId, IEnumerable<string> audiences, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var audience in audiences.Distinct())
        {
            users.UnionWith(audience switch
            {
                DeadlineAudiences.Procurement => await InRoleAsync(db, Roles.Procurement, cancellationToken),
                DeadlineAudiences.Legal => await InRoleAsync(db, Roles.Legal, cancellationToken),
                DeadlineAudiences.Evaluators => await db.EvaluatorAssignments.Where(a => a.TenderId == tenderId).Select(a => a.UserId).ToListAsync(cancellationToken),
                DeadlineAudiences.Interested => await OfOrganisationsAsync(db, await InterestedAsync(db, tenderId, cancellationToken), cancellationToken),
                DeadlineAudiences.Candidates => await OfOrganisationsAsync(db, await CandidatesAsync(db, tenderId, cancellationToken), cancellationToken),
                DeadlineAudiences.Participant => await SelectedParticipant.UserIdsAsync(db, tenderId, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown deadline audience '{audience}' (the definition validator lets none through)."),
            });
        }
        return users.Order(StringComparer.Ordinal).ToList();
    }

    private static Task<List<string>> InRoleAsync(TenderFlowDbContext db, string role, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select ur.UserId).ToListAsync(cancellationToken);

    private static async Task<List<Guid>> InterestedAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var organisations = await db.SessionRegistrations.Where(r => r.TenderId == tenderId).Select(r => r.OrganisationId).ToListAsync(cancellationToken);
        organisations.AddRange(await db.Questions.Where(q => q.TenderId == tenderId).Select(q => q.OrganisationId).ToListAsync(cancellationToken));
        organisations.AddRange(await CandidatesAsync(db, tenderId, cancellationToken));
        return organisations.Distinct().ToList();
    }

    private static Task<List<Guid>> CandidatesAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
        db.ApplicationMembers
            .Where(m => db.Applications.Any(a => a.Id == m.ApplicationId && a.TenderId == tenderId && a.Status != ApplicationStatus.Withdrawn))
            .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);

    private static Task<List<string>> OfOrganisationsAsync(TenderFlowDbContext db, List<Guid> organisations, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value)).Select(u => u.Id).ToListAsync(cancellationToken);
}
