using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Deadlines;

namespace TenderFlow.Web.Features.Publication;

/// <summary>
/// Everyone the tender documents and the answers may concern, told at the same moment (equal treatment): the organisations
/// taking part, and every one that showed interest (consultation registration, a question, an application in the making),
/// as deadline reminders to the interested go.
/// </summary>
public static class TenderAudience
{
    public static async Task<List<Guid>> OrganisationsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var participants = await db.TenderParticipants.Where(p => p.TenderId == tenderId).Select(p => p.OrganisationId).ToListAsync(cancellationToken);
        return participants.Union(await DeadlineRecipients.InterestedAsync(db, tenderId, cancellationToken)).ToList();
    }
}
