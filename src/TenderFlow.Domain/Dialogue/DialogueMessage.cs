namespace TenderFlow.Domain.Dialogue;

/// <summary>One message in a theme's thread, optionally a reply to an earlier message of the same theme.</summary>
public sealed class DialogueMessage
{
    public const int MaxTextLength = 8000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ThemeId { get; init; }
    public Guid? ReplyToId { get; init; }
    public required string AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public DialogueSide Side { get; init; }
    public required string Text { get; init; }
    public DateTime PostedAtUtc { get; init; }
}
