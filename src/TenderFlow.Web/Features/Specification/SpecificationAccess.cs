using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Specification;

public enum SpecificationAudience
{
    /// <summary>Sees nothing: Admin, rejected candidates, partners, other bidders, evaluators before the assessment.</summary>
    None,

    /// <summary>
    /// Procurement and Legal: every version, every review. Not Admin: drafts carry the dialogue's outcomes word for word,
    /// and the dialogue is only for the participant, the procurement team and invited partners (Legal reviews it all).
    /// </summary>
    Staff,

    /// <summary>The selected participant: the versions Legal approved.</summary>
    Participant,

    /// <summary>An assigned evaluator from the assessment on: the approved final version they assess against.</summary>
    Evaluator,
}

/// <summary>Who may read which part of a tender's final specification. The tender itself must already be readable.</summary>
public sealed class SpecificationAccess(TenderFlowDbContext db, Hosting.DefinitionCatalog catalog)
{
    public const string AssessmentPhase = "assessment";

    public async Task<SpecificationAudience> AudienceAsync(Tender tender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal))
        {
            return SpecificationAudience.Staff;
        }
        // Never TenderOperations.ReadConfidential: rejected candidates have it too.
        if (await SelectedParticipant.IsParticipantAsync(db, tender.Id, user, cancellationToken))
        {
            return SpecificationAudience.Participant;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.IsInRole(Roles.Evaluator) && userId is not null
            && await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == tender.Id && a.UserId == userId, cancellationToken)
            && FromAssessmentOn(await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken), tender.Phase))
        {
            return SpecificationAudience.Evaluator;
        }
        return SpecificationAudience.None;
    }

    /// <summary>
    /// The assessment phase and every phase the definition lists after it, except a cancellation (reachable from
    /// anywhere, so its place in the list says nothing about whether the assessment was reached).
    /// </summary>
    public static bool FromAssessmentOn(WorkflowDefinition definition, string phase)
    {
        var ids = definition.Phases.Select(p => p.Id).ToList();
        var assessment = ids.IndexOf(AssessmentPhase);
        var current = ids.IndexOf(phase);
        var cancellation = definition.Triggers.Where(t => t.From.Contains(TriggerDefinition.AnyOpenPhase)).Select(t => t.To);
        return assessment >= 0 && current >= assessment && !cancellation.Contains(phase);
    }
}
