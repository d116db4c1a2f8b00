using System.Globalization;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Portal;

/// <summary>
/// A portal form always carries the revision of the tender the page showed. A form without it, or with anything but a
/// number, must be refused: read as "no revision", it would skip the check that someone else changed the tender meanwhile.
/// </summary>
public static class FormRevision
{
    public static (long Revision, RuleViolation? Violation) Read(string? posted) =>
        long.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? (revision, null)
            : (0, new RuleViolation("FormRevisionRule", RuleKind.Invalid,
                new("Dit formulier is niet compleet aangekomen: de versie van de aanbesteding ontbreekt. Laad de pagina opnieuw en probeer het nog eens.",
                    "This form arrived incomplete: the tender's revision is missing. Reload the page and try again.")));
}
