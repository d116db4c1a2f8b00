using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Specification;

/// <summary>A version of the final specification as a printable document, with its hash and (when approved) Legal's approval.</summary>
public static class SpecificationPdf
{
    public const string Kind = "specification.final";

    public static PdfReport Build(Tender tender, SpecificationVersion version, string authorName, SpecificationReview? approval, string? approverName)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Aanbesteding", $"{tender.Title} ({tender.Reference})"),
            new("Versie", version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Opgesteld door", $"{authorName} op {AmsterdamTime.Format(version.CreatedAtUtc)}"),
            new("SHA-256 van de inhoud", version.Sha256),
            new("Status", approval is null ? "Niet goedgekeurd (concept)" : $"Goedgekeurd door {approverName} (jurist) op {AmsterdamTime.Format(approval.ReviewedAtUtc)}"),
        };
        var blocks = new List<PdfBlock> { new PdfFacts(facts), new PdfHeading("Inleiding") };
        blocks.AddRange(Paragraphs(version.Introduction));
        var number = 0;
        foreach (var section in version.Sections.OrderBy(s => s.Position))
        {
            number++;
            blocks.Add(new PdfHeading($"{number}. {section.Heading}"));
            blocks.AddRange(Paragraphs(section.Text));
        }
        return new PdfReport($"Definitieve opdrachtomschrijving — {tender.Reference} — versie {version.Number}",
            $"TenderFlow — definitieve opdrachtomschrijving {tender.Reference} v{version.Number}", blocks);
    }

    public static string FileName(Tender tender, int version) => $"opdrachtomschrijving-{tender.Reference}-v{version}.pdf";

    private static IEnumerable<PdfBlock> Paragraphs(string text) =>
        SpecificationContent.Normalise(text).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new PdfParagraph(p));
}
