using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Notifications;

/// <summary>The signed-in person's notifications, newest first.</summary>
public sealed class IndexModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    /// <summary>The page shown (from 1), and whether older notifications follow on the next.</summary>
    public int PageNumber { get; private set; } = 1;
    public bool More { get; private set; }

    /// <summary>All unread notifications, on every page.</summary>
    public int Unread { get; private set; }

    /// <summary>The newest notification when the page was made: "mark all as read" stops there.</summary>
    public DateTime? Newest { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    // "page" is Razor Pages' own route value (the page's path): the number is read from the query string by name.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? number, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(number ?? 1, 1, Inbox.MaxPage);
        // The bound first: a notification written while the page is being made is then after it, and stays unread.
        Newest = await inbox.NewestAsync(UserId, cancellationToken);
        (Items, More) = await inbox.PageAsync(UserId, PortalCultures.Language, PageNumber, cancellationToken);
        Unread = await inbox.UnreadCountAsync(UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        if (!await inbox.MarkReadAsync(UserId, notificationId, cancellationToken))
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(DateTime? upTo, CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, upTo?.ToUniversalTime(), cancellationToken);
        TempData["Message"] = PortalText.Get("All notifications are marked as read.");
        return RedirectToPage();
    }
}
