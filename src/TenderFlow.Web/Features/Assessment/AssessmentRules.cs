using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>The named rules of the quality assessment of the tender (phase 7).</summary>
public static class AssessmentRules
{
    public static RuleViolation NoAccess() => new("AssessmentAccessRule", RuleKind.Forbidden,
        new("Alleen Inkoop, Juridisch en de toegewezen beoordelaars zien de kwaliteitsbeoordeling.", "Only Procurement, Legal and the assigned evaluators see the quality assessment."));

    public static RuleViolation ScoringClosed() => new("QualityAssessmentClosedRule", RuleKind.Conflict,
        new("In deze fase kan de inschrijving niet worden beoordeeld.", "The tender cannot be assessed in this phase."));

    public static RuleViolation NotOpened() => new("SubmissionNotOpenedRule", RuleKind.Conflict,
        new("De inschrijving is nog niet (met vier ogen) geopend.", "The tender submission has not been opened (four-eyes) yet."));

    public static RuleViolation NothingSubmitted() => new("NoTenderSubmittedRule", RuleKind.Conflict,
        new("Er is geen inschrijving ingediend; er valt niets te beoordelen.", "No tender was submitted; there is nothing to assess."));

    public static RuleViolation SheetIncomplete() => new("QualitySheetIncompleteRule", RuleKind.Invalid,
        new("Geef voor elk kwaliteitscriterium precies één oordeel (voldoende of onvoldoende) met motivering.",
            "Give exactly one judgement (sufficient or insufficient) with a motivation for every quality criterion."), "criteria");

    public static RuleViolation MotivationRequired(string key) => new("MotivationRequiredRule", RuleKind.Invalid,
        new($"Motiveer het oordeel op '{key}' (ten hoogste 4000 tekens).", $"Give a motivation for the judgement on '{key}' (at most 4000 characters)."), MotivationField(key));

    /// <summary>The form field of one criterion's motivation, as the portal names it and refusals point to it.</summary>
    public static string MotivationField(string key) => $"motivation-{key}";

    public static RuleViolation JudgementsFinal() => new("QualityJudgementsFinalRule", RuleKind.Conflict,
        new("U hebt uw oordelen al ingediend; ingediende oordelen zijn definitief.", "You have already submitted your judgements; submitted judgements are final."));

    public static RuleViolation ConsensusFinal() => new("QualityConsensusFinalRule", RuleKind.Conflict,
        new("De consensus is al vastgelegd en is definitief.", "The consensus has already been recorded and is final."));

    public static RuleViolation EvaluatorsStillJudging(int missing) => new("EvaluatorsStillJudgingRule", RuleKind.Conflict,
        new($"Nog {missing} beoordelaar(s) zonder belangenverstrengeling moeten hun oordelen indienen.",
            $"{missing} evaluator(s) without a conflict of interest still have to submit their judgements."));
}
