using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Accounts;

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's token API under /api/auth. Accounts are created by an administrator (a tender platform must know who
    /// each bidder user is and for which organisation), so self-registration is closed.
    /// </summary>
    /// <summary>
    /// Accounts and their addresses are an administrator's: no self-registration, confirmation or address change. A forgotten
    /// password is reset through the portal's own pages (PasswordReset), which audit every request and reset.
    /// Switching two-factor sign-in on is refused too: the portal's log-in has no second step, so such an account could never
    /// sign in there again. Switching it off stays possible, for an account that switched it on before this was closed.
    /// </summary>
    private static readonly string[] ClosedPaths =
        ["/api/auth/register", "/api/auth/confirmEmail", "/api/auth/resendConfirmationEmail", "/api/auth/forgotPassword", "/api/auth/resetPassword"];

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        var identity = group.MapIdentityApi<TenderFlowUser>();
        // Signing in, refreshing and password reset happen before there is a user; /manage needs one (Identity requires it itself).
        identity.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.Contains("/manage", StringComparison.Ordinal) != true)
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        identity
            .AddEndpointFilter(async (context, next) =>
                ClosedPaths.Any(p => context.HttpContext.Request.Path.StartsWithSegments(p))
                    ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "SelfRegistrationClosedRule",
                        detail: "Accounts are created and confirmed by an administrator; a forgotten password is reset on the portal's log-in page.")
                    : context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.TwoFactorRequest>().Any(r => r.Enable == true)
                    ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "TwoFactorClosedRule",
                        detail: "The portal's log-in has no second step: two-factor sign-in cannot be switched on.")
                    : context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.InfoRequest>().Any(r => r.NewEmail is not null)
                        ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "EmailChangedByAdministratorRule",
                            detail: "An account's e-mail address is changed by an administrator.")
                        : Uniform(context.HttpContext, await AuditPasswordChangeAsync(context, await next(context))));
    }

    /// <summary>A user changing their own password through <c>/api/auth/manage/info</c> is audited as a reset is.</summary>
    private static async Task<object?> AuditPasswordChangeAsync(EndpointFilterInvocationContext context, object? result)
    {
        if (context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.InfoRequest>().Any(r => r.NewPassword is not null)
            && (result is INestedHttpResult { Result: var inner } ? inner : result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            var actor = context.HttpContext.User.ToActor();
            var roles = string.Join(",", actor.Roles.Order(StringComparer.Ordinal));
            await context.HttpContext.RequestServices.GetRequiredService<AuditWriter>().WriteAsync(actor.Id, roles.Length == 0 ? AuditingSignInManager.AnonymousRole : roles, null,
                [new AuditRecord("auth.password.changed", $"user/{actor.DisplayName}", new { userName = actor.DisplayName, channel = "api" })]);
        }
        return result;
    }

    /// <summary>
    /// A refused log-in answers 401 "Failed" whatever the reason (Identity says "LockedOut" or "NotAllowed"): otherwise
    /// five wrong passwords tell a stranger that the account exists. An address refused by <see cref="LoginThrottle"/>
    /// gets 429: that says nothing about any account.
    /// </summary>
    private static object? Uniform(HttpContext http, object? result) =>
        http.Items.ContainsKey(AuditingSignInManager.ThrottledItem)
            ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "LoginThrottledRule",
                detail: $"Too many failed log-ins from this network address; try again in {(int)LoginThrottle.Window.TotalMinutes} minutes.")
            : http.Request.Path.StartsWithSegments("/api/auth/login")
            && (result is INestedHttpResult { Result: var inner } ? inner : result) is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
            ? TypedResults.Problem("Failed", statusCode: StatusCodes.Status401Unauthorized)
            : result;
}
