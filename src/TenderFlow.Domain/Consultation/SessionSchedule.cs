using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Consultation;

/// <summary>What Procurement enters to schedule or change a session (times in UTC).</summary>
public sealed record SessionSchedule(
    string? Title, string? Topic, ConsultationAudience Audience, string? Location, string? OnlineUrl,
    DateTime StartsAtUtc, DateTime EndsAtUtc, int Capacity, DateTime RegistrationClosesAtUtc)
{
    public const int MaxTitleLength = 200;
    public const int MaxTopicLength = 4000;
    public const int MaxLocationLength = 400;
    public const int MaxUrlLength = 400;
    public const int MaxCapacity = 10_000;
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    /// <summary>The first broken rule, or null. <paramref name="nowUtc"/> decides whether the start lies ahead.</summary>
    public RuleViolation? Validate(DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > MaxTitleLength)
        {
            return ConsultationRules.TitleRequired();
        }
        if (string.IsNullOrWhiteSpace(Topic) || Topic.Trim().Length > MaxTopicLength)
        {
            return ConsultationRules.TopicRequired();
        }
        if (string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(OnlineUrl))
        {
            return ConsultationRules.PlaceRequired();
        }
        if (Location?.Trim().Length > MaxLocationLength)
        {
            return ConsultationRules.PlaceRequired();
        }
        if (!string.IsNullOrWhiteSpace(OnlineUrl) && !IsHttpsLink(OnlineUrl))
        {
            return ConsultationRules.OnlineLinkNotHttps();
        }
        foreach (var (utc, field) in new[] { (StartsAtUtc, "startsAt"), (EndsAtUtc, "endsAt"), (RegistrationClosesAtUtc, "registrationClosesAt") })
        {
            if (Time.AmsterdamMoment.Check(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), field) is { } outOfRange)
            {
                return outOfRange;
            }
        }
        if (EndsAtUtc <= StartsAtUtc)
        {
            return ConsultationRules.EndNotAfterStart();
        }
        if (RegistrationClosesAtUtc > StartsAtUtc)
        {
            return ConsultationRules.RegistrationDeadlineAfterStart();
        }
        if (Capacity < 1 || Capacity > MaxCapacity)
        {
            return ConsultationRules.CapacityTooSmall();
        }
        return StartsAtUtc <= nowUtc ? ConsultationRules.StartsInThePast() : null;
    }

    public static bool IsHttpsLink(string value) =>
        value.Trim().Length <= MaxUrlLength
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo);

    public void ApplyTo(ConsultationSession session)
    {
        session.Title = Title!.Trim();
        session.Topic = Topic!.Trim();
        session.Audience = Audience;
        session.Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
        session.OnlineUrl = string.IsNullOrWhiteSpace(OnlineUrl) ? null : OnlineUrl.Trim();
        session.StartsAtUtc = StartsAtUtc;
        session.EndsAtUtc = EndsAtUtc;
        session.Capacity = Capacity;
        session.RegistrationClosesAtUtc = RegistrationClosesAtUtc;
    }
}

/// <summary>A named attendee as the bidder enters them.</summary>
public sealed record AttendeeInput(string? Name, string? Email, string? Function)
{
    public const int MaxPerRegistration = 20;

    public static RuleViolation? Validate(IReadOnlyList<AttendeeInput> attendees, int capacity)
    {
        if (attendees.Count == 0)
        {
            return ConsultationRules.AttendeesRequired();
        }
        var max = Math.Min(MaxPerRegistration, capacity);
        if (attendees.Count > max)
        {
            return ConsultationRules.TooManyAttendees(max);
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < attendees.Count; i++)
        {
            var a = attendees[i];
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Trim().Length > SessionSchedule.MaxNameLength)
            {
                return ConsultationRules.AttendeeName(i);
            }
            if (!IsEmail(a.Email))
            {
                return ConsultationRules.AttendeeEmail(i);
            }
            if (string.IsNullOrWhiteSpace(a.Function) || a.Function.Trim().Length > SessionSchedule.MaxNameLength)
            {
                return ConsultationRules.AttendeeFunction(i);
            }
            if (!seen.Add(a.Email!.Trim()))
            {
                return ConsultationRules.DuplicateAttendee(i);
            }
        }
        return null;
    }

    private static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > SessionSchedule.MaxEmailLength)
        {
            return false;
        }
        var email = value.Trim();
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"');
    }
}
