using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>The portal's session form: times are entered in Europe/Amsterdam and stored in UTC.</summary>
public sealed class SessionInput
{
    /// <summary>The ViewData entry that tells <c>_SessionFields</c> which field a refusal is about.</summary>
    public const string ErrorFieldKey = "SessionErrorField";

    public string? Title { get; set; }
    public string? Topic { get; set; }
    public ConsultationAudience Audience { get; set; } = ConsultationAudience.Open;
    public string? Location { get; set; }
    public string? OnlineUrl { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public int? Capacity { get; set; }
    public DateTime? RegistrationClosesAt { get; set; }

    /// <summary>A time the Amsterdam clock skips (spring) or passes twice (autumn) is refused, not moved.</summary>
    public (SessionSchedule? Schedule, RuleViolation? Violation) ToSchedule() =>
        SessionTimes.Read(Text(StartsAt), Text(EndsAt), Text(RegistrationClosesAt),
            (start, end, closes) => new SessionSchedule(Title, Topic, Audience, Location, OnlineUrl, start, end, Capacity ?? 0, closes));

    private static string? Text(DateTime? local) => local is null ? null : Local(local);

    public static SessionInput From(SessionView s) => new()
    {
        Title = s.Title, Topic = s.Topic, Audience = Enum.Parse<ConsultationAudience>(s.Audience), Location = s.Location, OnlineUrl = s.OnlineUrl,
        StartsAt = AmsterdamTime.ToLocal(s.StartsAtUtc), EndsAt = AmsterdamTime.ToLocal(s.EndsAtUtc),
        Capacity = s.Capacity, RegistrationClosesAt = AmsterdamTime.ToLocal(s.RegistrationClosesAtUtc),
    };

    public static string Local(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// <summary>One attendee row of the portal's registration form; rows left empty are ignored.</summary>
public sealed class AttendeeForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Function { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Function);
}
