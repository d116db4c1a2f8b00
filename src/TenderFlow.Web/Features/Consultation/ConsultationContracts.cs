using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Consultation;

public sealed record SessionRequest(
    string? Title, string? Topic, ConsultationAudience? Audience, string? Location, string? OnlineUrl,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, DateTimeOffset? RegistrationClosesAt)
{
    public (SessionSchedule? Schedule, RuleViolation? Violation) ToSchedule() =>
        StartsAt is { } start && EndsAt is { } end && RegistrationClosesAt is { } closes
            ? (new SessionSchedule(Title, Topic, Audience ?? ConsultationAudience.Open, Location, OnlineUrl,
                start.UtcDateTime, end.UtcDateTime, Capacity ?? 0, closes.UtcDateTime), null)
            : (null, ConsultationRules.TimesRequired());
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
    Guid? ReportDocumentId, bool ReportIsPublic, string CalendarUrl, RegistrationView? OwnRegistration)
{
    public static SessionView From(ConsultationSession s, IReadOnlyCollection<SessionRegistration> active, DateTime now, bool registrationPhaseOpen,
        Guid? reportId, RegistrationView? own) => new(
        s.Id, s.TenderId, s.Title, s.Topic, s.Audience.ToString(), s.Location, s.OnlineUrl,
        s.StartsAtUtc, AmsterdamTime.ToLocalOffset(s.StartsAtUtc), s.EndsAtUtc, AmsterdamTime.ToLocalOffset(s.EndsAtUtc),
        s.Capacity, WaitingList.Taken(active), active.Where(r => r.Status == RegistrationStatus.WaitingList).Sum(r => r.Attendees.Count),
        WaitingList.PlacesLeft(s.Capacity, active), s.RegistrationClosesAtUtc,
        registrationPhaseOpen && !s.IsCancelled && now < s.RegistrationClosesAtUtc, s.IsCancelled, s.Sequence,
        reportId, s.ReportIsPublic, SessionCalendarUrl(s.Id), own);

    public static string SessionCalendarUrl(Guid sessionId) => $"/api/public/sessions/{sessionId}.ics";
}
