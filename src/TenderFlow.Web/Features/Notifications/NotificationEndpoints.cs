using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;

namespace TenderFlow.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", async (int? page, Inbox inbox, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok((await inbox.PageAsync(UserId(http), Language(http), page ?? 1, ct)).Items))
            .WithName("ListNotifications");

        group.MapPost("/{notificationId:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Guid notificationId, Inbox inbox, HttpContext http, CancellationToken ct) =>
                await inbox.MarkReadAsync(UserId(http), notificationId, ct) ? TypedResults.NoContent() : NotFound(notificationId).ToProblem(http))
            .WithName("MarkNotificationRead");

        group.MapPost("/read", async (Inbox inbox, HttpContext http, CancellationToken ct) =>
            {
                await inbox.MarkAllReadAsync(UserId(http), null, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkAllNotificationsRead");
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string Language(HttpContext http) => Hosting.PortalCultures.RequestLanguage(http);

    public static RuleViolation NotFound(Guid id) => new("NotificationNotFoundRule", RuleKind.NotFound,
        new($"Melding {id} bestaat niet.", $"Notification {id} does not exist."));
}
