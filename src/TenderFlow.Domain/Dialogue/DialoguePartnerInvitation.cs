namespace TenderFlow.Domain.Dialogue;

/// <summary>A Partner user invited by Procurement to one dialogue theme; a revoked invitation is kept (RevokedAtUtc) as history.</summary>
public sealed class DialoguePartnerInvitation
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ThemeId { get; init; }
    public required string UserId { get; init; }
    public required string InvitedByUserId { get; set; }
    public DateTime InvitedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByUserId { get; set; }

    public bool IsActive => RevokedAtUtc is null;
}
