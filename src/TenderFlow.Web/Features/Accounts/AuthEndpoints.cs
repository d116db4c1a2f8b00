using Microsoft.AspNetCore.Http.HttpResults;

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
                    : context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.InfoRequest>().Any(r => r.NewEmail is not null)
                        ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "EmailChangedByAdministratorRule",
                            detail: "An account's e-mail address is changed by an administrator.")
                        : Uniform(context.HttpContext, await next(context)));
    }

    /// <summary>
    /// A refused log-in answers 401 "Failed" whatever the reason (Identity says "LockedOut" or "NotAllowed"): otherwise
    /// five wrong passwords tell a stranger that the account exists.
    /// </summary>
    private static object? Uniform(HttpContext http, object? result) =>
        http.Request.Path.StartsWithSegments("/api/auth/login")
            && (result is INestedHttpResult { Result: var inner } ? inner : result) is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
            ? TypedResults.Problem("Failed", statusCode: StatusCodes.Status401Unauthorized)
            : result;
}
