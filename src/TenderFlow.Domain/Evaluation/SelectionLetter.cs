namespace TenderFlow.Domain.Evaluation;

/// <summary>The selection decision letter sent to one candidate when the decision was announced (the PDF is a document record).</summary>
public sealed class SelectionLetter
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid DocumentId { get; init; }
    public bool Selected { get; init; }
    public DateTime StandstillEndUtc { get; init; }
    public DateTime SentAtUtc { get; init; }
}
