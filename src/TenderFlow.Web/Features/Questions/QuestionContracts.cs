using TenderFlow.Domain.Questions;

namespace TenderFlow.Web.Features.Questions;

public sealed record AskQuestionRequest(string? Text, string? SectionReference);

/// <param name="PublishedText">The question as candidates will read it: left out (or emptied on the portal's form), it stays as it
/// is (the original words the first time); an empty string in the API's JSON goes back to the original words.</param>
public sealed record AnswerQuestionRequest(string? Answer, string? PublishedText);

/// <summary>The full record, for Procurement and Legal only: who asked, the original words, the draft answer.</summary>
/// <param name="AnswerSha256">The draft as it stands (<see cref="QuestionDesk.AnswerVersion"/>): publishing names it, so only what was read is published.</param>
public sealed record QuestionCaseView(Guid Id, string OrganisationName, string AskedByName, DateTime AskedAtUtc, string OriginalText, string? SectionReference,
    string? PublishedText, string? Answer, QuestionStatus Status, DateTime? AnsweredAtUtc, DateTime? PublishedAtUtc, int? NoteNumber, int? NumberInNote,
    string? AnswerSha256);

/// <summary>The draft answer the publisher read (<see cref="QuestionCaseView.AnswerSha256"/>).</summary>
public sealed record PublishAnswerRequest(string? AnswerSha256);

/// <summary>A candidate's own question: its words and status; the answer once it is published.</summary>
public sealed record OwnQuestionView(Guid Id, DateTime AskedAtUtc, string Text, string? SectionReference, QuestionStatus Status,
    string? PublishedText, string? Answer, DateTime? PublishedAtUtc, int? NoteNumber, int? NumberInNote);

/// <summary>A published question and answer as every candidate and the public see it: nothing about who asked.</summary>
public sealed record PublishedAnswerView(Guid Id, string Question, string Answer, DateTime PublishedAtUtc, int? NoteNumber, int? NumberInNote);

public sealed record InformationNoteView(Guid Id, int Number, int QuestionCount, DateTime PublishedAtUtc, Guid DocumentId, string DownloadUrl);

/// <summary>What the shared published-Q&amp;A partial shows (portal and public page).</summary>
public sealed record PublishedAnswersModel(IReadOnlyList<PublishedAnswerView> Answers, IReadOnlyList<InformationNoteView> Notes, string IdPrefix = "");
