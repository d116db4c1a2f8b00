using System.Globalization;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Sealing;

/// <summary>The proces-verbaal of a four-eyes opening: who opened, when, and every sealed item with each document's hash.</summary>
public static class OpeningRecord
{
    public static PdfReport Build(Tender tender, string vault, string firstName, DateTime recordedAtUtc, string secondName, DateTime completedAtUtc,
        DateTime deadlineUtc, IReadOnlyList<SealedEntry> entries)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfFacts(
            [
                new("Aanbesteding", $"{tender.Title} ({tender.Reference})"),
                new("Kluis", vault),
                new("Sluitingstermijn", AmsterdamTime.Format(deadlineUtc) + " (Europe/Amsterdam)"),
                new("Opening vastgelegd door", $"{firstName} op {AmsterdamTime.Format(recordedAtUtc)}"),
                new("Opening voltooid door", $"{secondName} op {AmsterdamTime.Format(completedAtUtc)}"),
                new("Aantal ingediende stukken", entries.Count.ToString(CultureInfo.InvariantCulture)),
            ]),
            new PdfParagraph("De kluis is geopend volgens het vier-ogenprincipe: twee verschillende inkopers hebben de opening vastgelegd en voltooid, "
                + "na het verstrijken van de sluitingstermijn volgens de klok van de server. Hieronder staat elk ingediend stuk met de SHA-256 van elk document."),
        };
        if (entries.Count == 0)
        {
            blocks.Add(new PdfParagraph("Er zijn geen stukken ingediend."));
        }
        foreach (var entry in entries)
        {
            blocks.Add(new PdfHeading($"{entry.Name} — ingediend {AmsterdamTime.Format(entry.SubmittedAtUtc)}"));
            blocks.Add(new PdfTable(["Bestand", "Soort", "Grootte (bytes)", "SHA-256"],
                entry.Documents.Select(d => (IReadOnlyList<string>)[d.FileName, d.Kind, d.SizeBytes.ToString(CultureInfo.InvariantCulture), d.Sha256]).ToList(),
                [3, 2, 1.3, 5]));
        }
        return new PdfReport($"Proces-verbaal van opening — {tender.Reference}", $"TenderFlow — proces-verbaal {vault} {tender.Reference}", blocks);
    }
}
