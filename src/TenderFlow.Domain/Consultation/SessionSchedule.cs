using TenderFlow.Domain.Input;
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
        var (title, unreadableTitle) = ReadTitle();
        if (unreadableTitle is not null)
        {
            return unreadableTitle;
        }
        if (title is null || title.Length > MaxTitleLength)
        {
            return ConsultationRules.TitleRequired();
        }
        var (topic, unreadableTopic) = ReadTopic();
        if (unreadableTopic is not null)
        {
            return unreadableTopic;
        }
        if (topic is null || topic.Length > MaxTopicLength)
        {
            return ConsultationRules.TopicRequired();
        }
        // A JSON number or a form value binds to any integer, named or not.
        if (!Enum.IsDefined(Audience))
        {
            return ConsultationRules.AudienceUnknown();
        }
        var (location, unreadableLocation) = ReadLocation();
        if (unreadableLocation is not null)
        {
            return unreadableLocation;
        }
        if ((location is null && string.IsNullOrWhiteSpace(OnlineUrl)) || location?.Length > MaxLocationLength)
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

    private (string? Text, RuleViolation? Unreadable) ReadTitle() => EnteredText.Read(Title, "title", multiline: false, "De titel", "The title");

    private (string? Text, RuleViolation? Unreadable) ReadTopic() => EnteredText.Read(Topic, "topic", multiline: true, "Het onderwerp", "The topic");

    private (string? Text, RuleViolation? Unreadable) ReadLocation() => EnteredText.Read(Location, "location", multiline: false, "De plaats", "The place");

    /// <summary>Sets what <see cref="Validate"/> accepted; call it only after that returned null.</summary>
    public void ApplyTo(ConsultationSession session)
    {
        session.Title = ReadTitle().Text!;
        session.Topic = ReadTopic().Text!;
        session.Audience = Audience;
        session.Location = ReadLocation().Text;
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

    /// <param name="rows">For each attendee, the row it was entered in (0-based), when empty rows were left out: messages and fields
    /// name that row. Without it, the position in <paramref name="attendees"/>.</param>
    public static RuleViolation? Validate(IReadOnlyList<AttendeeInput> attendees, int capacity, IReadOnlyList<int>? rows = null)
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
            var row = rows?[i] ?? i;
            var (name, unreadableName) = EnteredText.Read(a.Name, $"attendees[{row}].name", multiline: false, $"De naam van deelnemer {row + 1}", $"The name of attendee {row + 1}");
            if (unreadableName is not null)
            {
                return unreadableName;
            }
            if (name is null || name.Length > SessionSchedule.MaxNameLength)
            {
                return ConsultationRules.AttendeeName(row);
            }
            if (!IsEmail(a.Email))
            {
                return ConsultationRules.AttendeeEmail(row);
            }
            var (function, unreadableFunction) = EnteredText.Read(a.Function, $"attendees[{row}].function", multiline: false, $"De functie van deelnemer {row + 1}", $"The function of attendee {row + 1}");
            if (unreadableFunction is not null)
            {
                return unreadableFunction;
            }
            if (function is null || function.Length > SessionSchedule.MaxNameLength)
            {
                return ConsultationRules.AttendeeFunction(row);
            }
            if (!seen.Add(a.Email!.Trim()))
            {
                return ConsultationRules.DuplicateAttendee(row);
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
