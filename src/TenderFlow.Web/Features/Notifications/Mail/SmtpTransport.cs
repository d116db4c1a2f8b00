using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>One connection per mail: connect, authenticate when a user name is configured, send, disconnect.</summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    private MailOptions Options => options.Value;

    public string Description => $"SMTP {Options.Host}:{Options.Port} ({Options.Security})";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var o = Options;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds * 2));
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Mail:Host is not configured."), o.Port, security, timeout.Token);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", timeout.Token);
        }
        await client.SendAsync(mail.Message, timeout.Token);
        try
        {
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The server accepted the message: a failing QUIT must not make the outbox send it again.
        }
    }
}
