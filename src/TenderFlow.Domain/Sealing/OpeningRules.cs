using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Sealing;

/// <summary>The named rules of the four-eyes opening of a vault.</summary>
public static class OpeningRules
{
    public static RuleViolation UnknownVault(string vault) => new("UnknownVaultRule", RuleKind.NotFound,
        new($"Er is geen kluis '{vault}'.", $"There is no vault '{vault}'."));

    /// <summary>The deadline has passed when the server clock has reached it (<c>now &gt;= due</c>), as for the deadline.passed guard.</summary>
    public static RuleViolation DeadlineNotPassed(string shown) => new("DeadlineNotPassedRule", RuleKind.Conflict,
        new($"De kluis kan pas worden geopend na de sluitingstermijn ({shown}, Europe/Amsterdam).",
            $"The vault can only be opened after its deadline ({shown}, Europe/Amsterdam)."));

    public static RuleViolation NotInThisPhase() => new("OpeningNotAvailableRule", RuleKind.Conflict,
        new("Openen is in deze fase van de aanbesteding niet mogelijk.", "Opening is not possible in this phase of the tender."));

    public static RuleViolation AlreadyRecorded() => new("OpeningAlreadyRecordedRule", RuleKind.Conflict,
        new("De opening is al vastgelegd door een eerste inkoper; een tweede inkoper moet haar voltooien.",
            "The opening has already been recorded by a first buyer; a second buyer must complete it."));

    public static RuleViolation NotRecorded() => new("OpeningNotRecordedRule", RuleKind.Conflict,
        new("De opening is nog niet door een eerste inkoper vastgelegd.", "The opening has not been recorded by a first buyer yet."));

    public static RuleViolation AlreadyComplete() => new("OpeningAlreadyCompleteRule", RuleKind.Conflict,
        new("De kluis is al geopend.", "The vault has already been opened."));

    public static RuleViolation SameOpener() => new("SameOpenerRule", RuleKind.Conflict,
        new("Vier ogen: de opening moet worden voltooid door een andere inkoper dan degene die haar vastlegde.",
            "Four eyes: the opening must be completed by a different buyer than the one who recorded it."));
}
