namespace TenderFlow.Domain.Consultation;

public enum RegistrationStatus
{
    Registered,
    WaitingList,
    Cancelled,
}

/// <summary>
/// One organisation's registration for a session with its named attendees. A registration is placed as a whole:
/// either all its attendees fit and it is registered, or it waits on the waiting list (an organisation's people are
/// not split over a session and a waiting list). <see cref="QueueNumber"/> orders first come, first served.
/// </summary>
public sealed class SessionRegistration
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid TenderId { get; init; }
    public Guid OrganisationId { get; init; }
    public RegistrationStatus Status { get; set; }
    public long QueueNumber { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByUserId { get; init; }
    public DateTime? PromotedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelledByUserId { get; set; }
    public List<SessionAttendee> Attendees { get; init; } = [];

    public bool IsActive => Status != RegistrationStatus.Cancelled;
}

/// <summary>A named person attending for an organisation; <see cref="Attended"/> is recorded by Procurement after the start.</summary>
public sealed class SessionAttendee
{
    public Guid Id { get; init; }
    public Guid RegistrationId { get; init; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string Function { get; set; }
    public bool? Attended { get; set; }
    public DateTime? AttendanceRecordedAtUtc { get; set; }
}
