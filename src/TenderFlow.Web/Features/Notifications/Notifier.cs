using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Notifications;

/// <summary>
/// Puts a message in the portal inbox of each recipient, inside the caller's transaction (a notification exists
/// exactly when the thing it announces was committed). These rows are also the e-mail outbox (Mail/MailOutbox).
/// </summary>
public sealed class Notifier(TimeProvider clock)
{
    public void NotifyUsers(TenderFlowDbContext db, IEnumerable<string> userIds, Guid? tenderId, string kind, LocalizedText text, string? link,
        NotificationCalendar? calendar = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = userId, TenderId = tenderId, Kind = kind,
                TextNl = text.Nl, TextEn = text.En, Link = link, CreatedAtUtc = now,
                // An owned value belongs to one row: each recipient gets its own copy.
                Calendar = calendar is null ? null : calendar with { },
            });
        }
    }

    /// <summary>Every user who acts for the given organisations (<see cref="Participation.OrganisationBidders"/>).</summary>
    public async Task NotifyOrganisationsAsync(TenderFlowDbContext db, IEnumerable<Guid> organisationIds, Guid? tenderId, string kind, LocalizedText text, string? link,
        CancellationToken cancellationToken, NotificationCalendar? calendar = null)
    {
        var ids = organisationIds.Distinct().ToList();
        var users = await Participation.OrganisationBidders.Of(db, ids).ToListAsync(cancellationToken);
        NotifyUsers(db, users, tenderId, kind, text, link, calendar);
    }
}
