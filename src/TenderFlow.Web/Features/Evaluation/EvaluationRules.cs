using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>The named rules of evaluation, ranking and the selection decision.</summary>
public static class EvaluationRules
{
    public static RuleViolation NotAnAssignedEvaluator() => new("NotAnAssignedEvaluatorRule", RuleKind.Forbidden,
        new("Alleen een aan deze aanbesteding toegewezen beoordelaar kan dit doen.", "Only an evaluator assigned to this tender can do this."));

    public static RuleViolation DeclarationRequired() => new("DeclarationRequiredRule", RuleKind.Conflict,
        new("Onderteken eerst de verklaring over belangenverstrengeling; daarna ziet u de aanmeldingen.",
            "Sign the conflict-of-interest declaration first; then you will see the applications."));

    public static RuleViolation AlreadyDeclared() => new("DeclarationAlreadySignedRule", RuleKind.Conflict,
        new("U hebt de verklaring voor deze aanbesteding al ondertekend.", "You have already signed the declaration for this tender."));

    public static RuleViolation ExplanationRequired() => new("ConflictExplanationRequiredRule", RuleKind.Invalid,
        new("Licht de belangenverstrengeling toe.", "Explain the conflict of interest."), "explanation");

    public static RuleViolation ConflictBlocks() => new("ConflictOfInterestRule", RuleKind.Forbidden,
        new("U hebt een belangenverstrengeling gemeld die (nog) niet door Inkoop is opgeheven; u kunt deze aanbesteding niet beoordelen.",
            "You declared a conflict of interest that Procurement has not cleared; you cannot assess this tender."));

    public static RuleViolation NoConflictToResolve() => new("NoConflictToResolveRule", RuleKind.Conflict,
        new("Deze beoordelaar heeft geen onopgeloste belangenverstrengeling gemeld.", "This evaluator has not declared an unresolved conflict of interest."));

    public static RuleViolation NotOpened() => new("ApplicationsNotOpenedRule", RuleKind.Conflict,
        new("De aanmeldingen zijn nog niet (met vier ogen) geopend.", "The applications have not been opened (four-eyes) yet."));

    public static RuleViolation AssessmentClosed() => new("AssessmentClosedRule", RuleKind.Conflict,
        new("In deze fase kan niet (meer) worden beoordeeld.", "Assessment is not possible in this phase."));

    public static RuleViolation DecisionClosed() => new("SelectionDecisionClosedRule", RuleKind.Conflict,
        new("In deze fase kan geen selectiebeslissing worden genomen.", "No selection decision can be taken in this phase."));

    public static RuleViolation ApplicationNotFound() => new("ApplicationNotFoundRule", RuleKind.NotFound,
        new("Deze aanmelding bestaat niet bij deze aanbesteding.", "This application does not exist in this tender."));

    public static RuleViolation RequirementNotFound() => new("RequirementNotFoundRule", RuleKind.Invalid,
        new("Deze ervaringseis hoort niet bij deze aanbesteding.", "This experience requirement does not belong to this tender."), "requirementId");

    public static RuleViolation MotivationRequired(string field = "motivation") => new("MotivationRequiredRule", RuleKind.Invalid,
        new("Een motivering is verplicht (ten hoogste 4000 tekens).", "A motivation is required (at most 4000 characters)."), field);

    public static RuleViolation SettledAlready() => new("KnockoutSettledRule", RuleKind.Conflict,
        new("De voorzitter heeft deze eis al beslecht; uw oordeel kan niet meer wijzigen.", "The chair has settled this requirement; your judgement can no longer change."));

    public static RuleViolation NotTheChair() => new("NotTheChairRule", RuleKind.Forbidden,
        new("Alleen de voorzitter van de beoordelingscommissie kan dit doen.", "Only the chair of the evaluation committee can do this."));

    public static RuleViolation KnockedOut() => new("CandidateKnockedOutRule", RuleKind.Conflict,
        new("Deze kandidaat voldoet niet aan een knock-out-eis en wordt niet gescoord.", "This candidate failed a knock-out requirement and is not scored."));

    public static RuleViolation ScoresFinal() => new("ScoresFinalRule", RuleKind.Conflict,
        new("U hebt uw scores voor deze aanmelding al ingediend; ingediende scores zijn definitief.",
            "You have already submitted your scores for this application; submitted scores are final."));

    public static RuleViolation ScoreSheetIncomplete() => new("ScoreSheetIncompleteRule", RuleKind.Invalid,
        new("Geef voor elk criterium precies één score met motivering.", "Give exactly one score with motivation for every criterion."), "scores");

    public static RuleViolation ScoreOutOfScale(string code, int min, int max) => new("ScoreOutOfScaleRule", RuleKind.Invalid,
        new($"De score op {code} moet tussen {min} en {max} liggen.", $"The score on {code} must be between {min} and {max}."), "scores");

    public static RuleViolation NoPeeking() => new("IndependentScoringRule", RuleKind.Forbidden,
        new("U ziet de scores van andere beoordelaars pas nadat u uw eigen scores hebt ingediend.",
            "You see the other evaluators' scores only after submitting your own."));

    public static RuleViolation ScoresHidden() => new("IndividualScoresHiddenRule", RuleKind.Forbidden,
        new("Individuele scores zijn zichtbaar voor Juridisch, en voor Inkoop na de consensus.",
            "Individual scores are visible to Legal, and to Procurement after consensus."));

    public static RuleViolation EvaluatorsStillScoring(int missing) => new("EvaluatorsStillScoringRule", RuleKind.Conflict,
        new($"Nog {missing} beoordelaar(s) zonder belangenverstrengeling moeten hun scores indienen.",
            $"{missing} evaluator(s) without a conflict of interest still have to submit their scores."));

    public static RuleViolation VerdictRequired() => new("KnockoutVerdictRequiredRule", RuleKind.Invalid,
        new("Kies of de kandidaat aan de eis voldoet of niet.", "Choose whether the candidate meets the requirement or not."), "verdict");

    public static RuleViolation ConflictedChair() => new("ConflictedChairRule", RuleKind.Conflict,
        new("Deze beoordelaar heeft een conflict van belangen verklaard dat niet is opgeheven, en kan dus geen voorzitter zijn.",
            "This evaluator declared a conflict of interest that has not been cleared, and so cannot be the chair."), "userId");

    public static RuleViolation NotAnEvaluator() => new("NotAnAssignedEvaluatorRule", RuleKind.Invalid,
        new("Alleen een toegewezen beoordelaar kan voorzitter zijn.", "Only an assigned evaluator can be the chair."), "userId");

    public static RuleViolation NotRankable() => new("CandidateNotRankedRule", RuleKind.Conflict,
        new("Alleen een gerangschikte kandidaat (knock-out-eisen gehaald, consensus op elk criterium, boven elke minimumscore) kan worden geselecteerd.",
            "Only a ranked candidate (knock-out requirements passed, consensus on every criterion, at or above every minimum) can be selected."));

    public static RuleViolation AssessmentIncomplete(int candidates) => new("AssessmentIncompleteRule", RuleKind.Conflict,
        new($"Nog niet elke kandidaat is volledig beoordeeld ({candidates} zonder alle knock-outoordelen of consensusscores): pas dan is te zien wie de hoogste score heeft.",
            $"Not every candidate has been fully assessed ({candidates} without every knock-out verdict or consensus score): only then does it show who scores highest."));

    public static RuleViolation SelectionOutdated() => new("SelectionOutdatedRule", RuleKind.Conflict,
        new("De beoordeling is gewijzigd sinds de selectie: de gekozen kandidaat staat niet meer waar hij stond. Selecteer opnieuw voordat u de beslissing verstuurt.",
            "The assessment changed after the selection: the chosen candidate no longer stands where it stood. Select again before you announce the decision."));

    public static RuleViolation DeviationReasonRequired() => new("DeviationReasonRequiredRule", RuleKind.Invalid,
        new("Deze kandidaat staat niet alleen op nummer 1: geef de reden (afwijking, of de uitkomst van de loting door de notaris).",
            "This candidate is not the sole rank 1: give the reason (deviation, or the outcome of the notary's lot)."), "reason");

    public static RuleViolation TextTooLong(string field) => new("TextTooLongRule", RuleKind.Invalid,
        new("De tekst is langer dan 4000 tekens.", "The text is longer than 4000 characters."), field);

    public static RuleViolation LettersOnlyForCandidates() => new("SelectionLetterAccessRule", RuleKind.Forbidden,
        new("U kunt alleen de brief aan uw eigen organisatie lezen.", "You can only read the letter addressed to your own organisation."));
}
