using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>Who is in each <see cref="DeadlineAudiences"/> group for one tender, as user ids. Staff groups are people with the role.</summary>
public static class DeadlineRecipients
{
    public static async Task<IReadOnlyList<string>> UserIdsAsync(TenderFlowDbContext db, Tender tender, WorkflowDefinition definition,
        IEnumerable<string> audiences, CancellationToken cancellationToken)
    {
        var tenderId = tender.Id;
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
                DeadlineAudiences.Participant => SelectionDecided(tender, definition) ? await SelectedParticipant.UserIdsAsync(db, tenderId, cancellationToken) : [],
                _ => throw new InvalidOperationException($"Unknown deadline audience '{audience}' (the definition validator lets none through)."),
            });
        }
        return users.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The selected candidate is "the participant" only once the decision is announced: while the phase still takes the
    /// selection decision (also after <c>reviseSelection</c>) the chosen candidate must learn nothing from a deadline mail.
    /// </summary>
    private static bool SelectionDecided(Tender tender, WorkflowDefinition definition) =>
        !definition.Phase(tender.Phase).Capabilities.Contains(SelectionDecisionCapability);

    private const string SelectionDecisionCapability = "selection.decision";

    /// <summary>
    /// How many were told, as the trail and the scheduler's table may record it: not when the audience includes bidders
    /// who applied (interested, candidates). Staff read those records, and the count, the difference between two
    /// reminders or a probe by moving a deadline would tell them how many organisations applied before the opening.
    /// </summary>
    public static int? RecordableCount(IEnumerable<string> audiences, int recipients) =>
        audiences.Any(a => a is DeadlineAudiences.Interested or DeadlineAudiences.Candidates) ? null : recipients;

    public static Task<List<string>> InRoleAsync(TenderFlowDbContext db, string role, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select ur.UserId).ToListAsync(cancellationToken);

    /// <summary>Organisations that registered for a consultation session, asked a question or are working on an application (not withdrawn).</summary>
    public static async Task<List<Guid>> InterestedAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var organisations = await db.SessionRegistrations.Where(r => r.TenderId == tenderId).Select(r => r.OrganisationId).ToListAsync(cancellationToken);
        organisations.AddRange(await db.Questions.Where(q => q.TenderId == tenderId).Select(q => q.OrganisationId).ToListAsync(cancellationToken));
        // Drafts too: who is still working on an application needs the reminder to submit it.
        organisations.AddRange(await ApplicantsAsync(db, tenderId, submittedOnly: false, cancellationToken));
        return organisations.Distinct().ToList();
    }

    /// <summary>The organisations of submitted applications: one that only started a draft is not a candidate.</summary>
    private static Task<List<Guid>> CandidatesAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
        ApplicantsAsync(db, tenderId, submittedOnly: true, cancellationToken);

    private static Task<List<Guid>> ApplicantsAsync(TenderFlowDbContext db, Guid tenderId, bool submittedOnly, CancellationToken cancellationToken) =>
        db.ApplicationMembers
            .Where(m => db.Applications.Any(a => a.Id == m.ApplicationId && a.TenderId == tenderId
                && (submittedOnly ? a.Status == ApplicationStatus.Submitted : a.Status != ApplicationStatus.Withdrawn)))
            .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);

    private static Task<List<string>> OfOrganisationsAsync(TenderFlowDbContext db, List<Guid> organisations, CancellationToken cancellationToken) =>
        OrganisationBidders.Of(db, organisations).ToListAsync(cancellationToken);
}
