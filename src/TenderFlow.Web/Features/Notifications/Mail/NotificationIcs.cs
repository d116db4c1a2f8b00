using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TenderFlow.Domain.Notifications;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>
/// A notification's calendar moment as an iCalendar file (METHOD:PUBLISH, UTC). Without a sequence of its own, the
/// SEQUENCE is the notification's age in seconds since 2020: a later notice about the same UID (a moved deadline) sorts later.
/// </summary>
public static class NotificationIcs
{
    private static readonly DateTime SequenceEpoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static int Sequence(NotificationCalendar calendar, DateTime notifiedAtUtc) =>
        calendar.Sequence ?? (int)Math.Clamp((notifiedAtUtc - SequenceEpoch).TotalSeconds, 0, int.MaxValue);

    public static string FileName(string kind, string language) =>
        kind.StartsWith("consultation.", StringComparison.Ordinal)
            ? language == "en" ? "session.ics" : "sessie.ics"
            : language == "en" ? "deadline.ics" : "termijn.ics";

    public static string Render(Notification notification, NotificationCalendar calendar, string language, Uri link)
    {
        var ical = new Calendar { Method = "PUBLISH", ProductId = "-//TenderFlow//Meldingen//NL" };
        var text = language == "en" ? notification.TextEn : notification.TextNl;
        var e = new CalendarEvent
        {
            Uid = calendar.Uid,
            Sequence = Sequence(calendar, notification.CreatedAtUtc),
            Summary = language == "en" ? calendar.TitleEn : calendar.TitleNl,
            Description = $"{text}\n\n{link}",
            Location = calendar.Location,
            DtStart = new CalDateTime(Utc(calendar.StartUtc)),
            DtEnd = new CalDateTime(Utc(calendar.EndUtc < calendar.StartUtc ? calendar.StartUtc : calendar.EndUtc)),
            DtStamp = new CalDateTime(Utc(notification.CreatedAtUtc)),
            Url = link,
            Status = calendar.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        ical.Events.Add(e);
        return new CalendarSerializer().SerializeToString(ical) ?? "";
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
