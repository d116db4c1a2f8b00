using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>
/// Every password sign-in, through the portal or the token API, passes here, so success, failure and lockout
/// are audited, and failures counted per network address (<see cref="LoginThrottle"/>), in one place.
/// </summary>
public sealed class AuditingSignInManager(
    UserManager<TenderFlowUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TenderFlowUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TenderFlowUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TenderFlowUser> confirmation,
    AuditWriter audit,
    LoginThrottle throttle)
    : SignInManager<TenderFlowUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string AnonymousRole = "Anonymous";

    private static string? _unknownUserHash;

    /// <summary>Identity's limit on user names and e-mail addresses.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Set in the request's items when <see cref="LoginThrottle"/> refused it, so the portal and the API can say why.</summary>
    public const string ThrottledItem = "TenderFlow.LoginThrottled";

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Begin(address, out var firstRefusal) is not { } attempt)
        {
            Context.Items[ThrottledItem] = true;
            // Once per run of refusals: recording every refused attempt would hand the trail to the script after all.
            if (firstRefusal)
            {
                await WriteAsync("anonymous", AnonymousRole, "auth.login.throttled", $"address/{address}",
                    new { address, failures = LoginThrottle.FailuresPerWindow, windowMinutes = (int)LoginThrottle.Window.TotalMinutes, channel = Channel() });
            }
            return SignInResult.Failed;
        }
        var result = await CheckAsync(userName, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
        {
            throttle.Succeeded(attempt);
        }
        return result;
    }

    private async Task<SignInResult> CheckAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var tooLong = userName.Length > MaxNameLength;
        var user = tooLong ? null : await UserManager.FindByNameAsync(userName) ?? await UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            // As slow as checking a real password: a quick answer would tell a stranger the name is unknown.
            CheckDummyHash(password);
            // Not what was typed: people type their password into the name field, and the trail cannot be cleaned up.
            await WriteAsync("anonymous", AnonymousRole, "auth.login.failed", "user/unknown",
                new { unknownUser = true, nameLength = userName.Length, reason = tooLong ? "name too long" : "unknown user", channel = Channel() });
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(TenderFlowUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var roles = string.Join(",", await UserManager.GetRolesAsync(user));
        var (action, reason) = result switch
        {
            { Succeeded: true } => ("auth.login.succeeded", null),
            { IsLockedOut: true } => ("auth.login.lockedOut", "locked out after repeated failures"),
            { IsNotAllowed: true } => ("auth.login.failed", "not allowed"),
            _ => ("auth.login.failed", "wrong password"),
        };
        await WriteAsync(user.Id, result.Succeeded ? roles : AnonymousRole, action, $"user/{user.UserName ?? user.Id}",
            new { userName = user.UserName, reason, failedAttempts = await UserManager.GetAccessFailedCountAsync(user), channel = Channel() });
        return result;
    }

    /// <summary>
    /// Identity refuses a locked (or not allowed) account before it checks the password, which answers faster than an unknown
    /// name and so tells that the account exists; the same check against a dummy hash makes the three equally slow.
    /// </summary>
    protected override async Task<SignInResult?> PreSignInCheck(TenderFlowUser user)
    {
        var refused = await base.PreSignInCheck(user);
        if (refused is not null)
        {
            CheckDummyHash(Guid.NewGuid().ToString());
        }
        return refused;
    }

    private void CheckDummyHash(string password)
    {
        _unknownUserHash ??= UserManager.PasswordHasher.HashPassword(new TenderFlowUser(), Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(new TenderFlowUser(), _unknownUserHash, password);
    }

    private string Channel() => AuthenticationScheme == IdentityConstants.BearerScheme ? "api" : "portal";

    private Task WriteAsync(string actorId, string role, string action, string subject, object payload) =>
        audit.WriteAsync(actorId, role.Length == 0 ? AnonymousRole : role, null, [new AuditRecord(action, subject, payload)]);
}
