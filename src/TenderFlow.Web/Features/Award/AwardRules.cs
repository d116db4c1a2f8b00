using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Award;

/// <summary>The named rules of the award, the objections and the contract record.</summary>
public static class AwardRules
{
    public static RuleViolation ReasonsRequired() => new("AwardReasonsRequiredRule", RuleKind.Invalid,
        new("Geef de redenen van de gunningsbeslissing op; die staan in de brief aan de deelnemer.", "Give the reasons for the award decision; they go into the letter to the participant."), "reasons");

    public static RuleViolation TextTooLong(string field) => new("AwardTextTooLongRule", RuleKind.Invalid,
        new("De tekst is te lang.", "The text is too long."), field);

    public static RuleViolation NoParticipant() => new("AwardNoParticipantRule", RuleKind.Conflict,
        new("Er is geen geselecteerde deelnemer aan wie gegund kan worden.", "There is no selected participant to award to."));

    public static RuleViolation ObjectionsClosed(string decision) => new("ObjectionPeriodClosedRule", RuleKind.Conflict,
        new($"Bezwaar tegen de {(decision == "award" ? "gunningsbeslissing" : "selectiebeslissing")} is nu niet mogelijk: de opschortende termijn loopt niet (meer).",
            $"An objection against the {decision} decision is not possible now: its standstill period is not running (any more)."), "decision");

    public static RuleViolation UnknownDecision() => new("ObjectionDecisionRule", RuleKind.Invalid,
        new("Kies de beslissing waartegen u bezwaar maakt: selectie of gunning.", "Choose the decision you object to: selection or award."), "decision");

    public static RuleViolation GroundsRequired() => new("ObjectionGroundsRequiredRule", RuleKind.Invalid,
        new("Vermeld de gronden van uw bezwaar.", "State the grounds of your objection."), "grounds");

    public static RuleViolation NotEntitled(string decision) => new("ObjectionNotEntitledRule", RuleKind.Forbidden,
        new(decision == "award"
                ? "Alleen de deelnemer aan wie de gunningsbeslissing gericht is, kan daartegen bezwaar maken."
                : "Alleen kandidaten die zich hebben aangemeld, kunnen bezwaar maken tegen de selectiebeslissing.",
            decision == "award"
                ? "Only the participant the award decision is addressed to may object to it."
                : "Only candidates who applied may object to the selection decision."));

    public static RuleViolation RecordingNotAllowed() => new("ObjectionRecordingRule", RuleKind.Forbidden,
        new("Alleen Juridische zaken en Inkoop kunnen een bezwaar vastleggen dat buiten het portaal is binnengekomen.",
            "Only Legal and Procurement may record an objection that came in outside the portal."));

    public static RuleViolation ReceivedViaRequired() => new("ObjectionReceivedViaRequiredRule", RuleKind.Invalid,
        new("Vermeld hoe het bezwaar binnenkwam, bijvoorbeeld \u201eper e-mail van 12-06\u201d of \u201edagvaarding kort geding betekend op \u2026\u201d.",
            "State how the objection came in, for example \u201cby e-mail of 12 June\u201d or \u201csummons in summary proceedings served on \u2026\u201d."), "receivedVia");

    public static RuleViolation ObjectorRequired() => new("ObjectionObjectorRule", RuleKind.Invalid,
        new("Kies de organisatie namens wie het bezwaar is gemaakt.", "Choose the organisation on whose behalf the objection was made."), "organisationId");

    public static RuleViolation AlreadyObjected() => new("ObjectionAlreadyFiledRule", RuleKind.Conflict,
        new("Er is al bezwaar gemaakt tegen deze beslissing namens deze inschrijver.", "An objection to this decision has already been made on behalf of this applicant."));

    public static RuleViolation ObjectionNotFound() => new("ObjectionNotFoundRule", RuleKind.NotFound,
        new("Dit bezwaar bestaat niet.", "This objection does not exist."));

    public static RuleViolation ReasoningRequired(string field) => new("ObjectionReasoningRequiredRule", RuleKind.Invalid,
        new("Motiveer uw oordeel.", "Give your reasoning."), field);

    public static RuleViolation AdviceAlreadyGiven() => new("ObjectionAdviceGivenRule", RuleKind.Conflict,
        new("Over dit bezwaar is al geadviseerd of beslist.", "This objection has already been advised on or decided."));

    public static RuleViolation AdviceFirst() => new("ObjectionAdviceFirstRule", RuleKind.Conflict,
        new("Juridische zaken moet eerst advies uitbrengen over dit bezwaar.", "Legal must give its advice on this objection first."));

    public static RuleViolation AdviserDecides() => new("ObjectionAdviserDecidesRule", RuleKind.Conflict,
        new("U hebt over dit bezwaar geadviseerd; een ander (Inkoop) beslist erover.", "You advised on this objection; someone else (Procurement) decides on it."));

    public static RuleViolation AlreadyResolved() => new("ObjectionAlreadyResolvedRule", RuleKind.Conflict,
        new("Op dit bezwaar is al beslist.", "This objection has already been decided."));

    public static RuleViolation DeviationReasonRequired() => new("ObjectionDeviationReasonRule", RuleKind.Invalid,
        new("U wijkt af van het advies van Juridische zaken: geef daarvoor een uitdrukkelijke reden.", "You deviate from Legal's advice: give an explicit reason for doing so."), "deviationReason");

    public static RuleViolation ContractClosed() => new("ContractRecordClosedRule", RuleKind.Conflict,
        new("Het contract kan alleen na de definitieve gunning worden vastgelegd, en worden gecorrigeerd tot het eerste verlengingsbesluit.",
            "The contract can only be recorded after the final award, and corrected until the first extension decision."));

    public static RuleViolation StartDateInvalid() => new("ContractStartDateRule", RuleKind.Invalid,
        new("Geef een geldige ingangsdatum (jjjj-mm-dd).", "Give a valid start date (yyyy-mm-dd)."), "startDate");

    public static RuleViolation NoContract() => new("ContractNotRecordedRule", RuleKind.Conflict,
        new("Het contract is nog niet vastgelegd.", "The contract has not been recorded yet."));

    public static RuleViolation ExtensionOutOfRange(int options) => new("ExtensionOptionRule", RuleKind.Conflict,
        new($"Het contract kent {options} verlengingsopties; deze optie bestaat niet.", $"The contract has {options} extension options; this option does not exist."), "option");

    public static RuleViolation ExtensionOutOfOrder(int next) => new("ExtensionOrderRule", RuleKind.Conflict,
        new(next == 0 ? "Een optie is niet gelicht; het contract kan niet verder worden verlengd." : $"Besluit eerst over optie {next}.",
            next == 0 ? "An option was not exercised; the contract cannot be extended any further." : $"Decide on option {next} first."), "option");

    public static RuleViolation ContractStartFollowsContract() => new("ContractStartFollowsContractRule", RuleKind.Conflict,
        new("De ingangsdatum volgt het vastgelegde contract: wijzig de ingangsdatum in het contract.", "The contract start follows the recorded contract: change the start date in the contract."));

    public static RuleViolation ExtensionClosed() => new("ExtensionClosedRule", RuleKind.Conflict,
        new("Verlengingsbesluiten zijn pas mogelijk als het contract is ingegaan.", "Extension decisions are only possible once the contract has started."));

    public static RuleViolation ObjectionContentType() => new("ObjectionContentTypeRule", RuleKind.Invalid,
        new("Dien een bezwaar in als JSON (decision, grounds) of als formulier met bijlage (multipart/form-data).",
            "File an objection as JSON (decision, grounds) or as a form with an attachment (multipart/form-data)."));
}
