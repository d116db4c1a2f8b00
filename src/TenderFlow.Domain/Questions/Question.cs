namespace TenderFlow.Domain.Questions;

public enum QuestionStatus
{
    /// <summary>Asked; no answer yet.</summary>
    Open,

    /// <summary>Procurement wrote an answer that only staff see.</summary>
    Answered,

    /// <summary>Question (as rephrased) and answer are visible to every candidate, without the asker.</summary>
    Published,
}

/// <summary>
/// A candidate's question about the tender. The asker (organisation, user) and the original wording are kept for
/// Procurement and Legal; what candidates and the public see is <see cref="PublishedText"/> and <see cref="Answer"/>.
/// </summary>
public sealed class Question
{
    public const int MaxTextLength = 4000;
    public const int MaxSectionLength = 200;
    public const int MaxAnswerLength = 8000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string AskedByUserId { get; init; }
    public DateTime AskedAtUtc { get; init; }

    /// <summary>The words as the candidate wrote them; never changed (Legal's record).</summary>
    public required string OriginalText { get; init; }

    /// <summary>Optional pointer into a tender document, e.g. "Nota van uitgangspunten §4.2".</summary>
    public string? SectionReference { get; init; }

    /// <summary>The question as shown to all candidates; Procurement may rephrase it to anonymise it. Null until answered.</summary>
    /// <summary>
    /// What is published unless Procurement rephrases it: the candidate's words with the section they refer to in front.
    /// The section is never published on its own, so everything candidates read has passed Procurement's eyes (anonymity).
    /// </summary>
    public string DefaultPublishedText => DefaultPublished(OriginalText, SectionReference);

    public static string DefaultPublished(string original, string? section) =>
        section is null || section.Length + original.Length + 3 > MaxTextLength ? original : $"({section}) {original}";

    public string? PublishedText { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedByUserId { get; set; }

    /// <summary>The nota van inlichtingen this answer was compiled into, and its number there.</summary>
    public Guid? InformationNoteId { get; set; }
    public int? NumberInNote { get; set; }

    public QuestionStatus Status => PublishedAtUtc is not null ? QuestionStatus.Published
        : Answer is not null ? QuestionStatus.Answered : QuestionStatus.Open;
}
