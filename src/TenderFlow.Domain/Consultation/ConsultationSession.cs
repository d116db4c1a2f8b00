namespace TenderFlow.Domain.Consultation;

/// <summary>Who a consultation session is meant for (the seed's sessions targeted executives, professionals and clients).</summary>
public enum ConsultationAudience
{
    Executives,
    Professionals,
    Clients,
    Open,
}

/// <summary>
/// A market consultation session of a tender, announced publicly. <see cref="Sequence"/> is the iCalendar SEQUENCE:
/// raised on every change so calendars that imported the session replace it.
/// </summary>
public sealed class ConsultationSession
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string Title { get; set; }
    public required string Topic { get; set; }
    public ConsultationAudience Audience { get; set; }

    /// <summary>Address or room; a session has a place, an online link, or both.</summary>
    public string? Location { get; set; }
    public string? OnlineUrl { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }

    /// <summary>Number of attendees (people, not organisations) that fit.</summary>
    public int Capacity { get; set; }
    public DateTime RegistrationClosesAtUtc { get; set; }
    public int Sequence { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>
    /// The first version of the session report (document kind <c>consultation.report</c>) in the run of versions uploaded
    /// as public up to the current one; null while the current version is for the registered organisations only. A version
    /// uploaded for them alone never becomes public because a later one is.
    /// </summary>
    public int? ReportPublicFromVersion { get; set; }

    public bool ReportIsPublic => ReportPublicFromVersion is not null;

    public bool IsPublicReportVersion(int version) => version >= ReportPublicFromVersion;

    public bool IsCancelled => CancelledAtUtc is not null;

    /// <summary>The document owner under which the session's report is stored.</summary>
    public string ReportOwner => OwnerFor(Id);

    public static string OwnerFor(Guid sessionId) => $"consultation-session/{sessionId}";

    public static Guid? SessionIdFromOwner(string owner) =>
        owner.StartsWith("consultation-session/", StringComparison.Ordinal) && Guid.TryParse(owner["consultation-session/".Length..], out var id) ? id : null;
}
