using System.Text;
using System.Text.RegularExpressions;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Tests.Documents;

public sealed class PdfRendererTests
{
    [Fact]
    public void Renders_a_multi_page_report_with_dutch_text_and_unbreakable_hashes()
    {
        var hash = new string('a', 64);
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Bijlage {i} — visie.pdf", "1.234 bytes", hash]).ToList();
        var report = new PdfReport("Proces-verbaal van opening", "UTR-WMO-2029-01", [
            new PdfFacts([new("Kenmerk", "UTR-WMO-2029-01"), new("Geopend door", "Anna de Vries en Ömer Yılmaz")]),
            new PdfHeading("Documenten"),
            new PdfTable(["Document", "Grootte", "SHA-256"], rows, [2, 1, 3]),
            new PdfParagraph("Aldus opgemaakt en getekend te Utrecht."),
        ]);

        var pdf = PdfRenderer.Render(report, new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Contains("/Count ", Encoding.ASCII.GetString(pdf));
        Assert.True(Regex.Count(Encoding.ASCII.GetString(pdf), "/Type\\s*/Page[^s]") > 1, "120 table rows span more than one page");
        Assert.Contains("Ömer Yılmaz", report.PlainText());
        Assert.Contains(hash, report.PlainText());
    }
}
