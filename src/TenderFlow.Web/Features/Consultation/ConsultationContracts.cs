using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>Times as a deadline change takes them: with Z or Amsterdam's offset, or without an offset as Amsterdam time.</summary>
public sealed record SessionRequest(
    string? Title, string? Topic, ConsultationAudience? Audience, string? Location, string? OnlineUrl,
    string? StartsAt, string? EndsAt, int? Capacity, string? RegistrationClosesAt)
{
    public (SessionSchedule? Schedule, RuleViolation? Violation) ToSchedule() =>
        SessionTimes.Read(StartsAt, EndsAt, RegistrationClosesAt, (start, end, closes) =>
            new SessionSchedule(Title, Topic, Audience ?? ConsultationAudience.Open, Location, OnlineUrl, start, end, Capacity ?? 0, closes));
}

public static class SessionTimes
{
    /// <summary>The three moments of a session read with <see cref="AmsterdamMoment.Parse"/>, or the first rule one breaks.</summary>
    public static (SessionSchedule? Schedule, RuleViolation? Violation) Read(string? startsAt, string? endsAt, string? registrationClosesAt,
        Func<DateTime, DateTime, DateTime, SessionSchedule> schedule)
    {
        if (string.IsNullOrWhiteSpace(startsAt) || string.IsNullOrWhiteSpace(endsAt) || string.IsNullOrWhiteSpace(registrationClosesAt))
        {
            return (null, ConsultationRules.TimesRequired());
        }
        var moments = new[] { (startsAt, "startsAt"), (endsAt, "endsAt"), (registrationClosesAt, "registrationClosesAt") }
            .Select(m => AmsterdamMoment.Parse(m.Item1, m.Item2)).ToList();
        return moments.FirstOrDefault(m => m.Violation is not null) is { } refused
            ? (null, refused.Violation)
            : (schedule(moments[0].Utc!.Value, moments[1].Utc!.Value, moments[2].Utc!.Value), null);
    }
}

public sealed record RegisterRequest(List<AttendeeInput>? Attendees);

public sealed record AttendanceRequest(List<AttendanceMark>? Marks);

public sealed record AttendeeView(Guid Id, string Name, string Email, string Function, bool? Attended);

public sealed record RegistrationView(Guid Id, Guid SessionId, Guid OrganisationId, string OrganisationName, string Status, long QueueNumber,
    int? WaitingPosition, DateTime CreatedAtUtc, DateTime? PromotedAtUtc, DateTime? CancelledAtUtc, IReadOnlyList<AttendeeView> Attendees);

public sealed record SessionView(
    Guid Id, Guid TenderId, string Title, string Topic, string Audience, string? Location, string? OnlineUrl,
    DateTime StartsAtUtc, DateTimeOffset StartsAtAmsterdam, DateTime EndsAtUtc, DateTimeOffset EndsAtAmsterdam,
    int Capacity, int RegisteredAttendees, int WaitingAttendees, int PlacesLeft,
    DateTime RegistrationClosesAtUtc, bool RegistrationOpen, bool Cancelled, int Sequence,
    Guid? ReportDocumentId, bool ReportIsPublic, string CalendarUrl, RegistrationView? OwnRegistration, bool Online)
{
    /// <param name="withOnlineLink">Whether the reader may join online (<see cref="OnlineLink.MayJoin"/>); others learn only that the session is online.</param>
    public static SessionView From(ConsultationSession s, IReadOnlyCollection<SessionRegistration> active, DateTime now, bool registrationPhaseOpen,
        Guid? reportId, RegistrationView? own, bool withOnlineLink) => new(
        s.Id, s.TenderId, s.Title, s.Topic, s.Audience.ToString(), s.Location, withOnlineLink ? s.OnlineUrl : null,
        s.StartsAtUtc, AmsterdamTime.ToLocalOffset(s.StartsAtUtc), s.EndsAtUtc, AmsterdamTime.ToLocalOffset(s.EndsAtUtc),
        s.Capacity, WaitingList.Taken(active), active.Where(r => r.Status == RegistrationStatus.WaitingList).Sum(r => r.Attendees.Count),
        WaitingList.PlacesLeft(s.Capacity, active), s.RegistrationClosesAtUtc,
        registrationPhaseOpen && !s.IsCancelled && now < s.RegistrationClosesAtUtc, s.IsCancelled, s.Sequence,
        reportId, s.ReportIsPublic, SessionCalendarUrl(s.Id), own, s.OnlineUrl is not null);

    public static string SessionCalendarUrl(Guid sessionId) => $"/api/public/sessions/{sessionId}.ics";
}
