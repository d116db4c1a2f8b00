using Microsoft.AspNetCore.Antiforgery;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features;

namespace TenderFlow.Web.Hosting;

/// <summary>
/// The API accepts the portal's cookie. SameSite=Strict keeps other sites out, but a sibling host of the same site can
/// still make the browser send it, so a write to /api signed in by the cookie must carry the antiforgery token in the
/// header the portal's scripts set. Bearer-token callers carry no ambient credential and need none. The token is only
/// taken from the header, never looked up in the body: streamed uploads must not be buffered here.
/// </summary>
public static class ApiCookieAntiforgery
{
    public const string Header = "RequestVerificationToken";

    /// <summary>Identity's endpoints that work before there is a session (the other /api/auth ones are closed anyway).</summary>
    private static readonly string[] WithoutSession = ["/api/auth/login", "/api/auth/refresh", "/api/auth/register", "/api/auth/confirmEmail",
        "/api/auth/resendConfirmationEmail", "/api/auth/forgotPassword", "/api/auth/resetPassword"];

    public static IApplicationBuilder UseApiCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !(http.Request.Headers.ContainsKey(Header)
                && await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)))
        {
            await Refused().ToProblem(http).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsPatch(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method))
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && http.User.Identity?.IsAuthenticated == true
        && !WithoutSession.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static RuleViolation Refused() => new("AntiforgeryRule", RuleKind.Invalid,
        new("Een wijziging met de portaalsessie heeft het antiforgery-token nodig in de header RequestVerificationToken; laad de pagina opnieuw.",
            "A change made with the portal's session needs the antiforgery token in the RequestVerificationToken header; reload the page."));
}
