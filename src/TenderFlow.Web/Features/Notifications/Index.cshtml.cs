using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Notifications;

/// <summary>The signed-in person's notifications, newest first.</summary>
public sealed class IndexModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await inbox.ListAsync(UserId, PortalCultures.Language, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        if (!await inbox.MarkReadAsync(UserId, notificationId, cancellationToken))
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, cancellationToken);
        TempData["Message"] = PortalText.Get("All notifications are marked as read.");
        return RedirectToPage();
    }
}
