using MimeKit;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>One e-mail to hand over; <see cref="Id"/> names it (the notification id).</summary>
public sealed record OutgoingMail(Guid Id, MimeMessage Message);

public interface IMailTransport
{
    /// <summary>For the start-up banner and logs, e.g. "SMTP mail.example.nl:587 (StartTls)".</summary>
    string Description { get; }

    /// <summary>Returns when the mail is handed over for good; throws when it was not.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
