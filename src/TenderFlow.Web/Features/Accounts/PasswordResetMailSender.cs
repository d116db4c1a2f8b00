using Microsoft.AspNetCore.Identity;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>
/// Identity's token API (<c>/api/auth/forgotPassword</c>) sends its reset code through here, the same mail as the portal's
/// page. A singleton, because the API resolves it once; each mail gets its own scope.
/// </summary>
public sealed class PasswordResetMailSender(IServiceScopeFactory scopes) : IEmailSender<TenderFlowUser>
{
    public async Task SendPasswordResetCodeAsync(TenderFlowUser user, string email, string resetCode)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reset = scope.ServiceProvider.GetRequiredService<PasswordReset>();
        await reset.SendLinkAsync(user, email, reset.CodeLink(email, resetCode));
    }

    public async Task SendPasswordResetLinkAsync(TenderFlowUser user, string email, string resetLink)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PasswordReset>().SendLinkAsync(user, email, resetLink);
    }

    /// <summary>Accounts are created and confirmed by an administrator: Identity's confirmation endpoints are closed (AuthEndpoints).</summary>
    public Task SendConfirmationLinkAsync(TenderFlowUser user, string email, string confirmationLink) =>
        throw new InvalidOperationException("Account confirmation mails are not sent: accounts are created by an administrator.");
}
