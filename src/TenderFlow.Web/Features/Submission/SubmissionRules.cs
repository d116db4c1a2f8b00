using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Submission;

/// <summary>The named rules of the tender submission (phase 6).</summary>
public static class SubmissionRules
{
    public static RuleViolation DeadlineNotPlanned() => new("SubmissionDeadlineNotPlannedRule", RuleKind.Conflict,
        new("De sluitingstermijn voor de inschrijving is niet gepland.", "The submission deadline has not been planned."));

    public static RuleViolation DeadlinePassed(string due) => new("SubmissionAfterDeadlineRule", RuleKind.Conflict,
        new($"De inschrijvingstermijn is gesloten ({due}, klok van de server). Er kan niets meer worden ingediend, gewijzigd of ingetrokken.",
            $"The submission deadline has passed ({due}, server clock). Nothing can be submitted, changed or withdrawn any more."));

    public static RuleViolation Closed() => new("SubmissionClosedRule", RuleKind.Conflict,
        new("In deze fase van de aanbesteding kan niet worden ingeschreven.", "Tenders cannot be submitted in this phase of the procedure."));

    public static RuleViolation NotTheParticipant() => new("NotTheParticipantRule", RuleKind.Forbidden,
        new("Alleen de geselecteerde deelnemer kan inschrijven en zijn inschrijving zien.", "Only the selected participant can submit a tender and see it."));

    public static RuleViolation StaffOnly() => new("SubmissionAccessRule", RuleKind.Forbidden,
        new("U hebt geen toegang tot de inschrijving van deze aanbesteding.", "You have no access to the tender submission of this tender."));

    public static RuleViolation NotStarted() => new("SubmissionNotStartedRule", RuleKind.Conflict,
        new("Er is nog geen inschrijving; vul eerst het formulier in of upload een document.", "There is no tender submission yet; fill in the form or upload a document first."));

    public static RuleViolation AlreadySubmitted() => new("SubmissionAlreadySubmittedRule", RuleKind.Conflict,
        new("Uw inschrijving is al ingediend. Wijzig haar om haar opnieuw in te dienen.", "Your tender has already been submitted. Change it to submit it again."));

    public static RuleViolation NothingToWithdraw() => new("SubmissionNotSubmittedRule", RuleKind.Conflict,
        new("Er is geen ingediende inschrijving om in te trekken.", "There is no submitted tender to withdraw."));

    public static RuleViolation UnknownDocumentKind(string? kind) => new("SubmissionDocumentKindRule", RuleKind.Invalid,
        new($"Onbekende soort document '{kind}'. Kies inschrijving, begroting, implementatieplan of bijlage.",
            $"Unknown document kind '{kind}'. Choose tender, budget, implementation or annex."), "kind");

    public static RuleViolation Incomplete(IReadOnlyList<string> missingNl, IReadOnlyList<string> missingEn) => new("SubmissionIncompleteRule", RuleKind.Conflict,
        new("De inschrijving is niet volledig: " + string.Join("; ", missingNl) + ".", "The tender is incomplete: " + string.Join("; ", missingEn) + "."));

    public static RuleViolation Invalid(string field, string nl, string en) => new("SubmissionAnswerRule", RuleKind.Invalid, new(nl, en), field);
}
