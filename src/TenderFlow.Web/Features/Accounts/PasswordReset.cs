using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications.Mail;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>
/// Someone who forgot their password asks for a link by e-mail and sets a new one with it. The answer never says whether
/// an address has an account; the link goes straight to the mail transport (not to the inbox, where a live link would
/// stay), works once and lives <see cref="LinkLifetime"/>. Requests, mails, resets and refusals are audited like sign-ins.
/// </summary>
public sealed class PasswordReset(
    UserManager<TenderFlowUser> users, IMailTransport transport, IOptions<MailOptions> mail, AuditWriter audit, TimeProvider clock,
    PasswordResetMailQueue queue, ILogger<PasswordReset> log)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(2);
    private const string PagePath = "/Accounts/ResetPassword";

    /// <summary>
    /// Audits the request and, for a confirmed account, queues the mail: sending happens in the background
    /// (<see cref="PasswordResetMailer"/>), so the answer takes as long whether or not the address has an account.
    /// </summary>
    public async Task RequestAsync(string email)
    {
        var entered = email.Trim();
        var user = await users.FindByEmailAsync(entered);
        // Only an address an administrator entered (confirmed) gets a link, and it goes to that stored address: a look-alike
        // that normalises to the same account (a dotless ı upper-cases to I) never receives it.
        if (user is null || !await users.IsEmailConfirmedAsync(user))
        {
            await WriteAsync("anonymous", "auth.password.reset.requested", entered, new { email = entered, reason = "no account with this confirmed address" });
            return;
        }
        if (!queue.TryEnqueue(user.Id, clock.GetUtcNow()))
        {
            await WriteAsync(user.Id, "auth.password.reset.requested", user.UserName ?? user.Id,
                new { userName = user.UserName, reason = $"throttled: at most {PasswordResetMailQueue.MailsPerAccountPerHour} mails per hour" });
            return;
        }
        await WriteAsync(user.Id, "auth.password.reset.requested", user.UserName ?? user.Id, new { userName = user.UserName });
    }

    /// <summary>Creates the link and hands the mail to the transport; called by <see cref="PasswordResetMailer"/>.</summary>
    public async Task SendAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { Email: { } email } user)
        {
            return;
        }
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var id = Guid.NewGuid();
        try
        {
            await transport.SendAsync(new OutgoingMail(id, Compose(user, email, CodeLink(email, code), id)), cancellationToken);
            await WriteAsync(user.Id, "auth.password.reset.mailed", user.UserName ?? user.Id, new { userName = user.UserName, mail = id });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The password reset mail for user {UserId} could not be sent.", user.Id);
            await WriteAsync(user.Id, "auth.password.reset.mailFailed", user.UserName ?? user.Id, new { userName = user.UserName, reason = e.Message });
        }
    }

    /// <summary>Why a reset was refused, in the reader's words; <see cref="AboutPassword"/> when the new password broke a password rule.</summary>
    public sealed record Refusal(string Message, bool AboutPassword);

    /// <summary>Sets the new password with the code from the link; the first error, or null.</summary>
    public async Task<Refusal?> ResetAsync(string email, string code, string newPassword)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            token = "";
        }
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // Identity's reset leaves the lockout as it was: the page then says "you can now log in", and the new password would
            // be refused for up to 15 minutes. Whoever holds the mailed link is no password guesser.
            var lockoutLifted = await users.IsLockedOutAsync(user!);
            await Require(users.SetLockoutEndDateAsync(user!, null));
            await Require(users.ResetAccessFailedCountAsync(user!));
            await WriteAsync(user!.Id, "auth.password.reset", user.UserName ?? user.Id, new { userName = user.UserName, lockoutLifted });
            return null;
        }
        var error = result.Errors.First();
        await WriteAsync(user?.Id ?? "anonymous", "auth.password.reset.refused", user?.UserName ?? email.Trim(), new { email = email.Trim(), reason = error.Code });
        return error.Code == nameof(IdentityErrorDescriber.InvalidToken)
            ? new(PortalText.Get("This link is not valid: it has expired, was already used, or was copied incompletely. Ask for a new one."), false)
            : error.Code.StartsWith("Password", StringComparison.Ordinal)
                ? new(PortalText.Get("At least 12 characters with an upper-case letter, a lower-case letter and a digit."), true)
                : new(PortalText.Get("The password could not be changed. Ask for a new link."), false);
    }

    private static async Task Require(Task<IdentityResult> update)
    {
        if (await update is { Succeeded: false } failed)
        {
            throw new InvalidOperationException($"Lifting the lockout after a password reset failed: {failed.Errors.First().Code}.");
        }
    }

    private string CodeLink(string email, string code) =>
        MailComposer.AbsoluteLink(mail.Value.PortalBase, $"{PagePath}?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}").ToString();

    private MimeMessage Compose(TenderFlowUser user, string email, string link, Guid id)
    {
        var o = mail.Value;
        var en = user.PreferredLanguage == "en";
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName.Trim();
        var message = new MimeMessage
        {
            Subject = en ? "TenderFlow: set a new password" : "TenderFlow: nieuw wachtwoord instellen",
            MessageId = $"password-reset-{id:N}@tenderflow",
            Date = clock.GetUtcNow(),
        };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(name ?? "", email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var hours = (int)LinkLifetime.TotalHours;
        message.Body = new TextPart("plain")
        {
            Text = en
                ? $"Dear {name},\n\nSomeone (probably you) asked to set a new password for TenderFlow user {user.UserName}. Use this link within {hours} hours:\n{link}\n\nDid you not ask for this? Then ignore this e-mail: your password stays as it is.\n\n-- \nReplies to this address are not read.\n"
                : $"Beste {name},\n\nIemand (waarschijnlijk u) vroeg een nieuw wachtwoord aan voor TenderFlow-gebruiker {user.UserName}. Gebruik deze link binnen {hours} uur:\n{link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.\n\n-- \nAntwoorden op dit adres worden niet gelezen.\n",
        };
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private Task WriteAsync(string actorId, string action, string subject, object payload) =>
        audit.WriteAsync(actorId, AuditingSignInManager.AnonymousRole, null, [new AuditRecord(action, $"user/{subject}", payload)]);
}
