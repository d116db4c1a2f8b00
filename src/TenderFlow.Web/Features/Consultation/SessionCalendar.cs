using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Notifications;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// One session as an iCalendar file (METHOD:PUBLISH, times in UTC). The UID is derived from the session id, so a
/// calendar that imported it before recognises it; SEQUENCE rises on every change and a cancelled session says so.
/// </summary>
public static class SessionCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(Guid sessionId) => $"consultation-session-{sessionId:N}@tenderflow";

    /// <summary>The session as the calendar event of a notification's e-mail: same UID and SEQUENCE as the downloadable file.</summary>
    public static NotificationCalendar ForNotification(ConsultationSession session, bool withOnlineLink) =>
        new(Uid(session.Id), Utc(session.StartsAtUtc), Utc(session.EndsAtUtc), session.Title, session.Title,
            session.Location ?? (withOnlineLink ? session.OnlineUrl : null) ?? (session.OnlineUrl is null ? null : "Online"),
            session.Sequence, session.IsCancelled);

    /// <param name="withOnlineLink">Whether the reader may join online (<see cref="OnlineLink.MayJoin"/>): otherwise the file says only that the session is online.</param>
    public static string Render(ConsultationSession session, string tenderReference, string tenderTitle, string publicUrl, bool withOnlineLink)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//TenderFlow//Marktconsultatie//NL" };
        var description = $"{session.Topic}\n\n{tenderReference} — {tenderTitle}\n{publicUrl}";
        var onlineUrl = withOnlineLink ? session.OnlineUrl : null;
        if (onlineUrl is not null)
        {
            description += $"\nOnline: {onlineUrl}";
        }
        var e = new CalendarEvent
        {
            Uid = Uid(session.Id),
            Sequence = session.Sequence,
            Summary = session.Title,
            Description = description,
            Location = session.Location ?? onlineUrl ?? (session.OnlineUrl is null ? null : "Online"),
            DtStart = new CalDateTime(Utc(session.StartsAtUtc)),
            DtEnd = new CalDateTime(Utc(session.EndsAtUtc)),
            DtStamp = new CalDateTime(Utc(session.UpdatedAtUtc)),
            Created = new CalDateTime(Utc(session.CreatedAtUtc)),
            LastModified = new CalDateTime(Utc(session.UpdatedAtUtc)),
            Status = session.IsCancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (onlineUrl is not null)
        {
            e.Url = new Uri(onlineUrl);
        }
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
