using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Specification;

public enum SpecificationStatus
{
    None,
    Draft,
    ChangesRequested,
    Approved,
}

/// <summary>The named rules of the final specification.</summary>
public static class SpecificationRules
{
    public const string DraftingCapability = "specification.drafting";
    public const string ReviewCapability = "specification.review";

    /// <summary>
    /// Only reviews of the latest version count. Once approved a version takes no further review, so an approval of it
    /// decides; otherwise a request for changes; otherwise it is a draft.
    /// </summary>
    public static SpecificationStatus StatusOf(SpecificationVersion? latest, IEnumerable<SpecificationReview> reviews)
    {
        if (latest is null)
        {
            return SpecificationStatus.None;
        }
        var verdicts = reviews.Where(r => r.VersionId == latest.Id).Select(r => r.Verdict).ToList();
        return verdicts.Contains(ReviewVerdict.Approved) ? SpecificationStatus.Approved
            : verdicts.Contains(ReviewVerdict.ChangesRequested) ? SpecificationStatus.ChangesRequested
            : SpecificationStatus.Draft;
    }

    public static RuleViolation DraftingClosed() => new("SpecificationDraftingClosedRule", RuleKind.Conflict,
        new("De opdrachtomschrijving kan alleen worden opgesteld in de fase Definitieve opdrachtomschrijving.",
            "The specification can only be drafted in the final specification phase."));

    public static RuleViolation ReviewClosed() => new("SpecificationReviewClosedRule", RuleKind.Conflict,
        new("De opdrachtomschrijving kan alleen worden beoordeeld in de fase Definitieve opdrachtomschrijving.",
            "The specification can only be reviewed in the final specification phase."));

    public static RuleViolation AlreadyDrafted() => new("SpecificationAlreadyDraftedRule", RuleKind.Conflict,
        new("Er is al een versie van de opdrachtomschrijving; sla een nieuwe versie op in plaats van opnieuw te beginnen.",
            "A version of the specification already exists; save a new version instead of starting again."));

    public static RuleViolation NotDrafted() => new("SpecificationNotDraftedRule", RuleKind.Conflict,
        new("Er is nog geen versie van de opdrachtomschrijving: stel eerst een concept op uit de uitkomsten.",
            "There is no version of the specification yet: draft one from the outcomes first."));

    public static RuleViolation NotLatest(int basedOn, int latest) => new("SpecificationVersionConflictRule", RuleKind.Conflict,
        new($"Uw wijzigingen gaan uit van versie {basedOn}, maar de laatste versie is {latest}. Bekijk de laatste versie en breng uw wijzigingen daarin aan.",
            $"Your changes are based on version {basedOn}, but the latest version is {latest}. Review the latest version and make your changes there."), "basedOnVersion");

    public static RuleViolation NoChanges() => new("SpecificationUnchangedRule", RuleKind.Invalid,
        new("Deze versie is gelijk aan de laatste versie; er is niets opgeslagen.", "This version is the same as the latest version; nothing was saved."));

    public static RuleViolation VersionNotFound(int number) => new("SpecificationVersionNotFoundRule", RuleKind.NotFound,
        new($"Versie {number} van de opdrachtomschrijving bestaat niet.", $"Version {number} of the specification does not exist."));

    public static RuleViolation NoPreviousVersion(int number) => new("SpecificationNoPreviousVersionRule", RuleKind.NotFound,
        new($"Versie {number} heeft geen vorige versie om mee te vergelijken.", $"Version {number} has no previous version to compare with."));

    public static RuleViolation HeadingRequired(int index) => new("SpecificationSectionHeadingRule", RuleKind.Invalid,
        new($"Onderdeel {index + 1} heeft geen kop.", $"Section {index + 1} has no heading."), $"sections[{index}].heading");

    public static RuleViolation TooLong(string field, int max) => new("SpecificationTextTooLongRule", RuleKind.Invalid,
        new($"Deze tekst is langer dan {max} tekens.", $"This text is longer than {max} characters."), field);

    public static RuleViolation TooManySections() => new("SpecificationTooManySectionsRule", RuleKind.Invalid,
        new($"Een opdrachtomschrijving heeft hoogstens {SpecificationContent.MaxSections} onderdelen.", $"A specification has at most {SpecificationContent.MaxSections} sections."), "sections");

    public static RuleViolation UnknownTheme(int index) => new("SpecificationUnknownThemeRule", RuleKind.Invalid,
        new($"Onderdeel {index + 1} verwijst naar een thema dat niet bij deze aanbesteding hoort.", $"Section {index + 1} refers to a theme that does not belong to this tender."), $"sections[{index}].themeId");

    public static RuleViolation ReviewNotLatest(int version, int latest) => new("SpecificationReviewNotLatestRule", RuleKind.Conflict,
        new($"Alleen de laatste versie ({latest}) kan worden beoordeeld, niet versie {version}.", $"Only the latest version ({latest}) can be reviewed, not version {version}."), "version");

    public static RuleViolation AlreadyApproved(int version) => new("SpecificationAlreadyApprovedRule", RuleKind.Conflict,
        new($"Versie {version} is al goedgekeurd.", $"Version {version} has already been approved."));

    public static RuleViolation AuthorReviews(int version) => new("SpecificationAuthorReviewsRule", RuleKind.Conflict,
        new($"U hebt versie {version} zelf opgesteld; een ander (Juridische zaken) toetst die.", $"You wrote version {version} yourself; someone else (Legal) reviews it."));

    public static RuleViolation CommentRequired() => new("SpecificationReviewCommentRule", RuleKind.Invalid,
        new("Geef aan welke wijzigingen nodig zijn.", "Say which changes are needed."), "comment");

    public static RuleViolation AlreadyAcknowledged(int version) => new("SpecificationAlreadyAcknowledgedRule", RuleKind.Conflict,
        new($"Uw organisatie heeft de ontvangst van versie {version} al bevestigd.", $"Your organisation has already acknowledged receipt of version {version}."));

    public static RuleViolation NoAccess() => new("SpecificationAccessRule", RuleKind.Forbidden,
        new("U heeft geen toegang tot de opdrachtomschrijving van deze aanbesteding.", "You have no access to the specification of this tender."));
}
