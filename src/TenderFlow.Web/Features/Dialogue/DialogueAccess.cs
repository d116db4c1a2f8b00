using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>
/// Decides who is in a tender's dialogue. Deliberately not TenderOperations.ReadConfidential: rejected candidates
/// have that (they applied) and must see nothing of the dialogue.
/// </summary>
public static class DialogueAccess
{
    public static async Task<DialogueViewer> ForAsync(TenderFlowDbContext db, Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return DialogueViewer.Outsider;
        }
        if (user.IsInRole(Roles.Procurement))
        {
            return new DialogueViewer(DialogueSide.Authority, false, true, new HashSet<Guid>(), true);
        }
        if (await SelectedParticipant.IsParticipantAsync(db, tenderId, user, cancellationToken))
        {
            return new DialogueViewer(DialogueSide.Participant, false, true, new HashSet<Guid>(), true);
        }
        if (user.IsInRole(Roles.Legal))
        {
            return new DialogueViewer(null, true, true, new HashSet<Guid>(), true);
        }
        if (user.IsInRole(Roles.Partner) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var invited = await db.DialoguePartnerInvitations.AsNoTracking()
                .Where(i => i.TenderId == tenderId && i.UserId == userId && i.RevokedAtUtc == null)
                .Select(i => i.ThemeId).ToListAsync(cancellationToken);
            if (invited.Count == 0)
            {
                return DialogueViewer.Outsider;
            }
            var accepted = await db.DialogueDeclarations.AnyAsync(d => d.TenderId == tenderId && d.UserId == userId, cancellationToken);
            return new DialogueViewer(DialogueSide.Partner, false, false, invited.ToHashSet(), accepted);
        }
        return DialogueViewer.Outsider;
    }
}
