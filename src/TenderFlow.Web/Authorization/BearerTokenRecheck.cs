using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Authorization;

/// <summary>
/// Identity's bearer token carries the roles and organisation it was issued with and the handler never looks at the user
/// again. This check compares the token's security stamp with the user's current one, at most once per
/// <see cref="IdentitySetup.SessionRecheckInterval"/> for each user and stamp, so a changed role, organisation or password
/// (which all change the stamp) ends an issued token as quickly as it ends a portal session.
/// </summary>
public static class BearerTokenRecheck
{
    private const string Prefix = "Bearer ";

    private sealed record Verdict(DateTimeOffset CheckedAt, bool Valid);

    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return;
        }
        // The handler unprotects the token again and refuses an unreadable or expired one itself.
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[Prefix.Length..]);
        if (ticket is null)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var key = (nameof(BearerTokenRecheck),
            ticket.Principal.FindFirst(claimTypes.UserIdClaimType)?.Value ?? "",
            ticket.Principal.FindFirst(claimTypes.SecurityStampClaimType)?.Value ?? "");
        var cache = services.GetRequiredService<IMemoryCache>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        if (!cache.TryGetValue(key, out Verdict? verdict) || verdict is null || now - verdict.CheckedAt >= IdentitySetup.SessionRecheckInterval)
        {
            // Null when the user is gone or the stamp differs (the same check /refresh and the cookie validator make).
            var user = await services.GetRequiredService<SignInManager<TenderFlowUser>>().ValidateSecurityStampAsync(ticket.Principal);
            verdict = new Verdict(now, user is not null);
            // The cache's own expiry runs on the real clock; it only frees memory, the verdict's age is judged above.
            cache.Set(key, verdict, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = IdentitySetup.SessionRecheckInterval });
        }
        if (!verdict.Valid)
        {
            context.Fail("The token's security stamp no longer matches the user: sign in again.");
        }
    }
}
