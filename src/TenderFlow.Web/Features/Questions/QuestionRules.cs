using TenderFlow.Domain.Questions;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Questions;

public static class QuestionRules
{
    public static RuleViolation OnlyCandidates() => new("OnlyCandidatesAskRule", RuleKind.Forbidden,
        new("Alleen gebruikers van een aanbiedende organisatie kunnen vragen stellen.", "Only users of a bidding organisation can ask questions."));

    public static RuleViolation QuestionsNotOpen() => new("QuestionsNotOpenRule", RuleKind.Conflict,
        new("In deze fase kunnen geen vragen worden gesteld.", "Questions cannot be asked in this phase."));

    public static RuleViolation DeadlinePassed(DateTime closedAtUtc) => new("QuestionsDeadlinePassedRule", RuleKind.Conflict,
        new($"De termijn voor vragen is gesloten op {AmsterdamTime.Format(closedAtUtc)} (Europe/Amsterdam).",
            $"The period for questions closed at {AmsterdamTime.Format(closedAtUtc)} (Europe/Amsterdam)."));

    public static RuleViolation TextRequired() => new("QuestionTextRule", RuleKind.Invalid,
        new($"Schrijf een vraag van 1 tot {Question.MaxTextLength} tekens.", $"Write a question of 1 to {Question.MaxTextLength} characters."), "text");

    public static RuleViolation SectionTooLong() => new("QuestionSectionRule", RuleKind.Invalid,
        new($"De verwijzing naar een paragraaf is langer dan {Question.MaxSectionLength} tekens.", $"The section reference is longer than {Question.MaxSectionLength} characters."), "sectionReference");

    public static RuleViolation NotFound(Guid id) => new("QuestionNotFoundRule", RuleKind.NotFound,
        new($"Vraag {id} bestaat niet bij deze aanbesteding.", $"Question {id} does not exist in this tender."));

    public static RuleViolation AnswersNotOpen() => new("AnswersNotOpenRule", RuleKind.Conflict,
        new("In deze fase kunnen geen antwoorden worden gegeven of gepubliceerd.", "Answers cannot be given or published in this phase."));

    public static RuleViolation AnswerRequired() => new("AnswerTextRule", RuleKind.Invalid,
        new($"Schrijf een antwoord van 1 tot {Question.MaxAnswerLength} tekens.", $"Write an answer of 1 to {Question.MaxAnswerLength} characters."), "answer");

    public static RuleViolation PublishedTextInvalid() => new("PublishedQuestionTextRule", RuleKind.Invalid,
        new($"De gepubliceerde vraagtekst moet 1 tot {Question.MaxTextLength} tekens hebben.", $"The published question text must have 1 to {Question.MaxTextLength} characters."), "publishedText");

    public static RuleViolation AlreadyPublished() => new("AnswerAlreadyPublishedRule", RuleKind.Conflict,
        new("Dit antwoord is al gepubliceerd en kan niet meer worden gewijzigd.", "This answer has already been published and can no longer be changed."));

    public static RuleViolation AnswerVersionRequired() => new("AnswerVersionRequiredRule", RuleKind.Invalid,
        new("Geef aan welke versie van het antwoord u publiceert (answerSha256).", "State which version of the answer you publish (answerSha256)."), "answerSha256");

    public static RuleViolation AnswerChanged() => new("AnswerChangedRule", RuleKind.Conflict,
        new("Het antwoord is intussen gewijzigd. Lees de nieuwe versie voordat u publiceert.", "The answer changed in the meantime. Read the new version before you publish."));

    public static RuleViolation NotAnswered() => new("AnswerMissingRule", RuleKind.Conflict,
        new("Beantwoord de vraag voordat u het antwoord publiceert.", "Answer the question before publishing the answer."));

    public static RuleViolation NoteNotOpen() => new("InformationNoteNotOpenRule", RuleKind.Conflict,
        new("In deze fase kan geen nota van inlichtingen worden gepubliceerd.", "A nota van inlichtingen cannot be published in this phase."));

    public static RuleViolation NothingToCompile() => new("NothingToCompileRule", RuleKind.Conflict,
        new("Er zijn geen gepubliceerde antwoorden die nog niet in een nota van inlichtingen staan.", "There are no published answers that are not yet in a nota van inlichtingen."));

    public static RuleViolation ConcurrentNote() => new("ConcurrentInformationNoteRule", RuleKind.Conflict,
        new("Tegelijk werd een andere nota van inlichtingen gepubliceerd; probeer het opnieuw.", "Another nota van inlichtingen was published at the same time; try again."));
}
