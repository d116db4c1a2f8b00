namespace TenderFlow.Web.Features.Dialogue;

public sealed record AddThemeRequest(string? TitleNl, string? TitleEn);

public sealed record ThemeStatusRequest(string? Status, string? AgreedOutcome, string? Reason);

public sealed record InvitePartnerRequest(string? UserId);

public sealed record ConfidentialityDeclarationRequest(bool Accept);

public sealed record PostMessageRequest(string? Text, Guid? ReplyTo);

/// <summary>The minutes version the approver read: approving is of that document, never of one uploaded since.</summary>
public sealed record MinutesApprovalRequest(Guid? DocumentId);

public sealed record ScheduleMeetingRequest(DateTimeOffset? StartsAt, string? Location, string? Agenda);

public sealed record ThemeSummaryView(Guid Id, string Key, string TitleNl, string TitleEn, string Status, string? AgreedOutcome);

public sealed record MinutesView(Guid DocumentId, string FileName, string UploadedBy, bool Approved, DateTime? ApprovedAtUtc);

public sealed record MeetingView(Guid Id, DateTime StartsAtUtc, DateTimeOffset StartsAt, string Location, string Agenda, MinutesView? Minutes);

public sealed record MessageView(Guid Id, Guid? ReplyTo, string AuthorName, string Side, string Text, DateTime PostedAtUtc);

public sealed record ThemeDocumentView(Guid Id, string FileName, long SizeBytes, DateTime UploadedAtUtc, string UploadedBy);

public sealed record PartnerView(string UserId, string Name);

public sealed record ThemeDetailView(Guid Id, string Key, string TitleNl, string TitleEn, string Status, string? AgreedOutcome, string? WaiverReason,
    DateTime? AgreedAtUtc, DateTime? ClosedAtUtc, IReadOnlyList<MeetingView> Meetings, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<ThemeDocumentView> Documents, IReadOnlyList<PartnerView> Partners);
