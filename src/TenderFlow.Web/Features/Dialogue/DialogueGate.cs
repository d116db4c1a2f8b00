using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>
/// The way into a tender's dialogue for every endpoint and page: a tender one cannot see does not exist (404);
/// seeing the tender without a place in the dialogue is 403; a partner that has not accepted the declaration is 403.
/// </summary>
public sealed class DialogueGate(TenderFlowDbContext db, IAuthorizationService authorization, DefinitionCatalog catalog)
{
    public const string Themes = "dialogue.themes";
    public const string Meetings = "dialogue.meetings";
    public const string Partners = "dialogue.partners";

    public async Task<(Tender? Tender, DialogueViewer Viewer, RuleViolation? Refused)> EnterAsync(
        Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken, bool tracked = false, bool declarationPendingAllowed = false)
    {
        var query = tracked ? db.Tenders : db.Tenders.AsNoTracking();
        var tender = await query.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(user, tender, TenderOperations.Read)).Succeeded)
        {
            return (null, DialogueViewer.Outsider, TenderRules.NotFound(tenderId));
        }
        var viewer = await DialogueAccess.ForAsync(db, tenderId, user, cancellationToken);
        if (viewer.Side is null && !viewer.IsLegal)
        {
            return (tender, viewer, DialogueRules.NoAccess());
        }
        if (viewer.IsPartner && !viewer.DeclarationAccepted && !declarationPendingAllowed)
        {
            return (tender, viewer, DialogueRules.DeclarationRequired());
        }
        return (tender, viewer, null);
    }

    public async Task<bool> IsOpenAsync(Tender tender, string capability, CancellationToken cancellationToken) =>
        (await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken)).Phase(tender.Phase).Capabilities.Contains(capability);

    /// <summary>Checks shared by every write: the role may act, the phase opens the capability.</summary>
    public async Task<RuleViolation?> MayWriteAsync(Tender tender, DialogueViewer viewer, string capability, bool partnersToo, CancellationToken cancellationToken)
    {
        if (!(viewer.IsParty || (partnersToo && viewer.IsPartner)))
        {
            return DialogueRules.NotYourRole();
        }
        return await IsOpenAsync(tender, capability, cancellationToken) ? null : DialogueRules.PhaseClosed(capability);
    }

    public async Task<bool> SeesThemeAsync(Guid tenderId, Guid themeId, DialogueViewer viewer, CancellationToken cancellationToken) =>
        viewer.Sees(themeId) && await db.DialogueThemes.AnyAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken);

    public async Task<bool> SeesMeetingAsync(Guid tenderId, Guid meetingId, DialogueViewer viewer, CancellationToken cancellationToken) =>
        await db.DialogueMeetings.AsNoTracking().Where(m => m.Id == meetingId && m.TenderId == tenderId).Select(m => (Guid?)m.ThemeId)
            .SingleOrDefaultAsync(cancellationToken) is { } themeId && viewer.Sees(themeId);

    public static string AuditRole(DialogueViewer viewer) => viewer.Side switch
    {
        DialogueSide.Authority => Roles.Procurement,
        DialogueSide.Participant => Roles.Bidder,
        DialogueSide.Partner => Roles.Partner,
        _ => viewer.IsLegal ? Roles.Legal : "",
    };

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id.");
}
