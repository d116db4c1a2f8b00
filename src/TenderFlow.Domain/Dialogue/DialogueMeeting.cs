namespace TenderFlow.Domain.Dialogue;

/// <summary>
/// A meeting on one theme. Its minutes are a document (owner <see cref="MinutesOwner"/>) uploaded by one side and approved
/// by the other; a new version of the minutes withdraws an earlier approval.
/// </summary>
public sealed class DialogueMeeting
{
    public const int MaxLocationLength = 300;
    public const int MaxAgendaLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ThemeId { get; init; }
    public DateTime StartsAtUtc { get; set; }
    public required string Location { get; set; }
    public required string Agenda { get; set; }
    public required string CreatedByUserId { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    public Guid? MinutesDocumentId { get; set; }
    public DialogueSide? MinutesUploadedBy { get; set; }
    public DateTime? MinutesApprovedAtUtc { get; set; }
    public string? MinutesApprovedByUserId { get; set; }

    public string MinutesOwner => OwnerOf(Id);

    public static string OwnerOf(Guid meetingId) => $"dialogue-meeting/{meetingId}";

    public static Guid? MeetingIdFromOwner(string owner) =>
        owner.StartsWith("dialogue-meeting/", StringComparison.Ordinal) && Guid.TryParse(owner["dialogue-meeting/".Length..], out var id) ? id : null;
}
