using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Selection;

/// <summary>The named rules of applying for selection.</summary>
public static class ApplicationRules
{
    public static RuleViolation NotFound(Guid id) => new("ApplicationNotFoundRule", RuleKind.NotFound,
        new($"Aanmelding {id} bestaat niet of u mag die niet inzien.", $"Application {id} does not exist or you may not see it."));

    public static RuleViolation ApplicationsClosed() => new("ApplicationsClosedRule", RuleKind.Conflict,
        new("Aanmelden is in deze fase van de aanbesteding niet mogelijk.", "Applying is not possible in this phase of the tender."));

    /// <summary>At the deadline instant itself the deadline has passed (the same <c>now &gt;= due</c> as the deadline.passed guard).</summary>
    public static RuleViolation DeadlinePassed(string shown) => new("ApplicationDeadlinePassedRule", RuleKind.Conflict,
        new($"De termijn voor aanmelding is verstreken ({shown}, Europe/Amsterdam). Wijzigingen worden niet meer aangenomen.",
            $"The application deadline has passed ({shown}, Europe/Amsterdam). Changes are no longer accepted."));

    public static RuleViolation DeadlineNotPlanned() => new("ApplicationDeadlineNotPlannedRule", RuleKind.Conflict,
        new("De termijn voor aanmelding is nog niet gepland.", "The application deadline has not been planned yet."));

    public static RuleViolation NoOrganisation() => new("BidderOrganisationRule", RuleKind.Forbidden,
        new("Alleen een aanbieder die bij een organisatie hoort kan zich aanmelden.", "Only a bidder belonging to an organisation can apply."));

    public static RuleViolation Duplicate(string organisation) => new("DuplicateApplicationRule", RuleKind.Conflict,
        new($"{organisation} is al penvoerder of lid van een andere aanmelding voor deze aanbesteding.",
            $"{organisation} is already lead or member of another application for this tender."));

    public static RuleViolation LeadOnly() => new("LeadOnlyRule", RuleKind.Forbidden,
        new("Alleen de penvoerder kan dit wijzigen.", "Only the lead organisation can change this."));

    public static RuleViolation UnknownOrganisation() => new("UnknownOrganisationRule", RuleKind.Invalid,
        new("Er is geen geregistreerde organisatie met dit KvK-nummer.", "There is no registered organisation with this KvK number."), "kvkNumber");

    public static RuleViolation AlreadyMember() => new("AlreadyMemberRule", RuleKind.Conflict,
        new("Deze organisatie is al lid van de aanmelding.", "This organisation is already a member of the application."), "kvkNumber");

    public static RuleViolation LeadCannotBeRemoved() => new("LeadCannotBeRemovedRule", RuleKind.Conflict,
        new("De penvoerder kan niet uit de aanmelding worden verwijderd.", "The lead organisation cannot be removed from the application."));

    public static RuleViolation MembersLocked() => new("MembersLockedRule", RuleKind.Conflict,
        new("De samenstelling kan alleen worden gewijzigd zolang de aanmelding niet is ingediend.", "The members can only be changed while the application has not been submitted."));

    public static RuleViolation Withdrawn() => new("ApplicationWithdrawnRule", RuleKind.Conflict,
        new("Deze aanmelding is ingetrokken.", "This application has been withdrawn."));

    public static RuleViolation AlreadySubmitted() => new("AlreadySubmittedRule", RuleKind.Conflict,
        new("Deze aanmelding is al ingediend.", "This application has already been submitted."));

    public static RuleViolation Incomplete(IReadOnlyList<string> missingNl, IReadOnlyList<string> missingEn) => new("IncompleteApplicationRule", RuleKind.Conflict,
        new("De aanmelding is nog niet compleet: " + string.Join("; ", missingNl) + ".", "The application is not complete yet: " + string.Join("; ", missingEn) + "."));

    public static RuleViolation Invalid(string field, string nl, string en) => new("InvalidApplicationInputRule", RuleKind.Invalid, new(nl, en), field);

    public static RuleViolation UnknownRequirement() => new("UnknownRequirementRule", RuleKind.Invalid,
        new("Deze ervaringseis hoort niet bij deze aanbesteding.", "This experience requirement does not belong to this tender."), "requirementId");

    public static RuleViolation UnknownCondition(string? key) => new("UnknownConditionRule", RuleKind.Invalid,
        new($"Onbekende selectievoorwaarde '{key}'.", $"Unknown selection condition '{key}'."), "condition");

    public static RuleViolation NotAMember() => new("NotAMemberRule", RuleKind.Invalid,
        new("Deze organisatie is geen lid van de aanmelding.", "This organisation is not a member of the application."), "member");

    public static RuleViolation OwnEvidenceOnly() => new("OwnIntegrityEvidenceRule", RuleKind.Forbidden,
        new("Een lid levert alleen zijn eigen integriteitsbewijs aan; de penvoerder kan dat voor alle leden doen.",
            "A member provides only its own integrity evidence; the lead can do so for every member."));

    public static RuleViolation UnknownDocumentKind(string? kind) => new("UnknownApplicationDocumentRule", RuleKind.Invalid,
        new($"Onbekende documentsoort '{kind}'. Kies visie, gedragsverklaring, bibob of referentie.", $"Unknown document kind '{kind}'. Choose vision, gva, bibob or reference."), "kind");
}
