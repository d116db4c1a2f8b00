using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Who hears of something new in a theme: the side that did not write it (a partner's message goes to both sides).</summary>
public static class DialogueRecipients
{
    public static async Task<IReadOnlyList<string>> OtherSideAsync(TenderFlowDbContext db, Guid tenderId, DialogueSide author, CancellationToken cancellationToken)
    {
        var recipients = new List<string>();
        if (author != DialogueSide.Participant)
        {
            recipients.AddRange(await SelectedParticipant.UserIdsAsync(db, tenderId, cancellationToken));
        }
        if (author != DialogueSide.Authority)
        {
            recipients.AddRange(await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Procurement))
                .Select(ur => ur.UserId).ToListAsync(cancellationToken));
        }
        return recipients;
    }
}
