using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Time;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>Who gets the mail and in which language ("nl" or "en").</summary>
public sealed record MailRecipient(string Address, string DisplayName, string Language);

/// <summary>
/// A notification as e-mail in the recipient's language: a short plain-text body, an HTML alternative with the same
/// words and a descriptive link, and for a notification with a calendar moment an .ics attachment.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options)
{
    private const int SubjectTextLength = 110;
    private const string InboxPath = "meldingen";

    public MimeMessage Compose(Notification notification, MailRecipient recipient, string? tenderReference, DateTime sentAtUtc)
    {
        var o = options.Value;
        var en = recipient.Language == "en";
        var text = en ? notification.TextEn : notification.TextNl;
        var link = AbsoluteLink(o.PortalBase, notification.Link);
        var name = string.IsNullOrWhiteSpace(recipient.DisplayName) ? null : recipient.DisplayName.Trim();

        var message = new MimeMessage
        {
            Subject = Subject(text, tenderReference),
            MessageId = $"notification-{notification.Id:N}@tenderflow",
            Date = new DateTimeOffset(DateTime.SpecifyKind(sentAtUtc, DateTimeKind.Utc)),
        };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(name ?? "", recipient.Address));
        // RFC 3834: out-of-office robots should not answer.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var calendarFile = notification.Calendar is null ? null : NotificationIcs.FileName(notification.Kind, recipient.Language);
        var calendarLine = notification.Calendar is { } c && calendarFile is not null
            ? en
                ? $"{(c.Cancelled ? "Removed from your calendar" : "For your calendar")}: {c.TitleEn}, {AmsterdamTime.Format(c.StartUtc)} (Amsterdam time), attached as {calendarFile}."
                : $"{(c.Cancelled ? "Vervalt in uw agenda" : "Voor uw agenda")}: {c.TitleNl}, {AmsterdamTime.Format(c.StartUtc)} (Nederlandse tijd), in de bijlage {calendarFile}."
            : null;
        var greeting = en ? $"Dear {name ?? "reader"}," : $"Beste {name ?? "lezer"},";
        var linkText = en ? "Open this in TenderFlow" : "Bekijk dit in TenderFlow";
        var footer = en
            ? "You receive this e-mail because TenderFlow has a notification for you. Replies to this address are not read."
            : "U ontvangt deze e-mail omdat TenderFlow een melding voor u heeft. Antwoorden op dit adres worden niet gelezen.";

        var body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", new[] { greeting, text, $"{linkText}:\n{link}", calendarLine, $"-- \n{footer}" }.OfType<string>()) + "\n",
            HtmlBody = Html(en ? "en" : "nl", message.Subject, greeting, text, link, linkText, calendarLine, footer),
        };
        if (notification.Calendar is { } calendar && calendarFile is not null)
        {
            var type = new ContentType("text", "calendar") { Charset = "utf-8" };
            type.Parameters.Add("method", "PUBLISH");
            body.Attachments.Add(calendarFile, System.Text.Encoding.UTF8.GetBytes(NotificationIcs.Render(notification, calendar, recipient.Language, link)), type);
        }
        message.Body = body.ToMessageBody();
        // Dutch text and titles are not ASCII: encode every part for 7-bit transport, so an .eml file or a relay without 8BITMIME keeps them intact.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>Only portal-relative links become links into the portal; anything else points at the inbox.</summary>
    public static Uri AbsoluteLink(Uri portalBase, string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] is not ('/' or '\\')
            ? new Uri(portalBase, link.TrimStart('/'))
            : new Uri(portalBase, InboxPath);

    private static string Subject(string text, string? tenderReference)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length > SubjectTextLength)
        {
            var cut = line.LastIndexOf(' ', SubjectTextLength);
            line = line[..(cut > SubjectTextLength / 2 ? cut : SubjectTextLength)] + "…";
        }
        return tenderReference is null ? $"TenderFlow: {line}" : $"TenderFlow {tenderReference}: {line}";
    }

    private static string Html(string language, string subject, string greeting, string text, Uri link, string linkText, string? calendarLine, string footer)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var calendar = calendarLine is null ? "" : $"\n<p>{E(calendarLine)}</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
            <p>{E(greeting)}</p>
            <p>{E(text)}</p>
            <p><a href="{E(link.AbsoluteUri)}" style="color: #0b4f8a;">{E(linkText)}</a></p>{calendar}
            <p style="color: #4d4d4d; font-size: 14px;">{E(footer)}</p>
            </body>
            </html>
            """;
    }
}
