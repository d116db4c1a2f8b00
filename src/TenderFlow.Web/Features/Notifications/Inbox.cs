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

    /// <summary>Beyond any inbox; a larger page number in the address is read as this one instead of overflowing.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Page <paramref name="page"/> (from 1) of <see cref="PageSize"/> notifications, newest first, and whether older ones follow.</summary>
    public async Task<(IReadOnlyList<NotificationView> Items, bool More)> PageAsync(string userId, string language, int page, CancellationToken cancellationToken)
    {
        var rows = (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
                .OrderByDescending(n => n.CreatedAtUtc).Skip((Math.Clamp(page, 1, MaxPage) - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken))
            .OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id).ToList();
        return (rows.Take(PageSize)
            .Select(n => new NotificationView(n.Id, n.TenderId, n.Kind, language == "en" ? n.TextEn : n.TextNl, n.Link, n.CreatedAtUtc, n.ReadAtUtc))
            .ToList(), rows.Count > PageSize);
    }


    /// <summary>When the newest notification was created, the bound of "mark all as read" from a page shown now.</summary>
    public Task<DateTime?> NewestAsync(string userId, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.UserId == userId).MaxAsync(n => (DateTime?)n.CreatedAtUtc, cancellationToken);

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

    /// <summary>
    /// Marks every unread notification read, or, with <paramref name="upToUtc"/>, only those created up to that moment: the
    /// page sends the newest one it showed, so one that arrived after the page was loaded stays unread.
    /// </summary>
    public async Task<int> MarkAllReadAsync(string userId, DateTime? upToUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null);
        if (upToUtc is { } upTo)
        {
            unread = unread.Where(n => n.CreatedAtUtc <= upTo);
        }
        return await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
