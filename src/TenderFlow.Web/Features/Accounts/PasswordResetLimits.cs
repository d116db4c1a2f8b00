using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>
/// Requests for a reset link and attempts to use one, per network address and page: each is written to the audit trail,
/// which never forgets, so a script must not be able to fill it (or guess codes). Generous enough for an office behind one address.
/// </summary>
public static class PasswordResetLimits
{
    public const string Policy = "password-reset";
    public const int RequestsPerWindow = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static void Add(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerWindow, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read"));
    });

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in new[] { "/Accounts/ForgotPassword", "/Accounts/ResetPassword" })
        {
            conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy)));
        }
    }
}
