namespace TenderFlow.Domain.Notifications;

/// <summary>A message in one person's portal inbox (fanned out per recipient so each has their own read state).</summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string UserId { get; init; }
    public Guid? TenderId { get; init; }

    /// <summary>What happened, e.g. <c>qa.nvi.published</c>; used for filtering and for e-mail templates later.</summary>
    public required string Kind { get; init; }
    public required string TextNl { get; init; }
    public required string TextEn { get; init; }

    /// <summary>A portal-relative link to where the reader can act (e.g. <c>/tenders/{id}/vragen</c>).</summary>
    public string? Link { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>A moment the message is about (a deadline, a session): the e-mail carries it as an .ics event.</summary>
    public NotificationCalendar? Calendar { get; init; }

    /// <summary>When the e-mail for this notification was handed to SMTP or written as .eml; null while pending.</summary>
    public DateTime? MailedAtUtc { get; set; }

    /// <summary>Delivery attempts so far, counted when an attempt starts (a crash mid-send still counts).</summary>
    public int MailAttempts { get; set; }

    /// <summary>Why the last attempt failed, or why the e-mail will never be sent.</summary>
    public string? MailError { get; set; }

    /// <summary>Not before this moment may the outbox (re)try; null means at once.</summary>
    public DateTime? MailNextAttemptAtUtc { get; set; }

    /// <summary>Set when no e-mail will be sent (no address, too many failed attempts, too old): the portal inbox still has it.</summary>
    public DateTime? MailGaveUpAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

/// <summary>
/// The calendar event attached to a notification's e-mail. <see cref="Uid"/> is stable per deadline or session, so a calendar updates its entry.
/// <see cref="Sequence"/>: the owner's own iCalendar SEQUENCE when it has one (a session's .ics in the portal uses it too); null derives it from
/// the notification's moment. <see cref="Cancelled"/> tells calendars to drop the event.
/// </summary>
public sealed record NotificationCalendar(string Uid, DateTime StartUtc, DateTime EndUtc, string TitleNl, string TitleEn, string? Location = null,
    int? Sequence = null, bool Cancelled = false);
