using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, Guid? TenderId, string Kind, string Text, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public bool Unread => ReadAtUtc is null;
}

/// <summary>One person's notifications. Every query is bound to the user id, so nobody reads or marks another's inbox.</summary>
public sealed class Inbox(TenderFlowDbContext db, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(string userId, string language, CancellationToken cancellationToken) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).Take(PageSize).ToListAsync(cancellationToken))
        .OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id)
        .Select(n => new NotificationView(n.Id, n.TenderId, n.Kind, language == "en" ? n.TextEn : n.TextNl, n.Link, n.CreatedAtUtc, n.ReadAtUtc))
        .ToList();

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, cancellationToken);

    /// <summary>False when the notification is not this user's (or does not exist): the same answer for both.</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return false;
        }
        notification.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
