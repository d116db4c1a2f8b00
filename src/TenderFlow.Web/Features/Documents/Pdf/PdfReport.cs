namespace TenderFlow.Web.Features.Documents.Pdf;

/// <summary>
/// A printable record (proces-verbaal, decision letter, nota van inlichtingen…) as plain content; <see cref="PdfRenderer"/>
/// lays it out. Features build these; none of them draws PDF by hand.
/// </summary>
public sealed record PdfReport(string Title, string Footer, IReadOnlyList<PdfBlock> Blocks);

public abstract record PdfBlock;

public sealed record PdfHeading(string Text) : PdfBlock;

public sealed record PdfParagraph(string Text) : PdfBlock;

/// <summary>Label/value rows, e.g. "Kenmerk: UTR-WMO-2029-01".</summary>
public sealed record PdfFacts(IReadOnlyList<KeyValuePair<string, string>> Rows) : PdfBlock;

/// <summary>A table; <see cref="Widths"/> are relative column widths (equal when null).</summary>
public sealed record PdfTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null) : PdfBlock;

public static class PdfReportText
{
    /// <summary>All text of the report, in order: what a reader of the PDF sees (tests search it; the PDF itself stores glyph ids).</summary>
    public static string PlainText(this PdfReport report) => string.Join("\n", new[] { report.Title, report.Footer }.Concat(report.Blocks.SelectMany(b => b switch
    {
        PdfHeading h => [h.Text],
        PdfParagraph p => [p.Text],
        PdfFacts f => f.Rows.Select(r => r.Key + ": " + r.Value),
        PdfTable t => t.Header.Concat(t.Rows.SelectMany(r => r)),
        _ => throw new NotSupportedException(b.GetType().Name),
    })));
}
