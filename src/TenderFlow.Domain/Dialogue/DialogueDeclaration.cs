namespace TenderFlow.Domain.Dialogue;

/// <summary>A partner's acceptance of the confidentiality declaration for one tender: which text (version and SHA-256), when.</summary>
public sealed class DialogueDeclaration
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string UserId { get; init; }
    public DateTime AcceptedAtUtc { get; init; }
    public required string TextVersion { get; init; }
    public required string TextSha256 { get; init; }
}
