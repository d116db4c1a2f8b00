namespace TenderFlow.Domain.Questions;

/// <summary>
/// A nota van inlichtingen: the published answers not yet in an earlier note, numbered 1, 2, … per tender without
/// gaps (a unique index on tender + number backs the count taken inside the compiling transaction).
/// </summary>
public sealed class InformationNote
{
    public const string DocumentKind = "qa.nvi";

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public int Number { get; init; }
    public Guid DocumentId { get; set; }
    public int QuestionCount { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public required string PublishedByUserId { get; init; }

    public string Owner => $"nvi/{Id}";
}
