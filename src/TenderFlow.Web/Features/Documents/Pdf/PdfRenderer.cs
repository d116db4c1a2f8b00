using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TenderFlow.Web.Features.Documents.Pdf;

/// <summary>Lays out a <see cref="PdfReport"/> on A4 pages: wrapped text, tables that continue on the next page, page numbers.</summary>
public static class PdfRenderer
{
    private const double Margin = 56;
    private const double CellPadding = 3;

    public static byte[] Render(PdfReport report, DateTime generatedAtUtc)
    {
        EmbeddedFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "TenderFlow";
        document.Info.CreationDate = generatedAtUtc;
        var layout = new Layout(document, report.Footer);
        layout.Text(report.Title, layout.TitleFont, 0, layout.ContentWidth);
        layout.Space(8);
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case PdfHeading h:
                    layout.Space(10);
                    layout.Text(h.Text, layout.HeadingFont, 0, layout.ContentWidth);
                    layout.Space(2);
                    break;
                case PdfParagraph p:
                    layout.Text(p.Text, layout.BodyFont, 0, layout.ContentWidth);
                    layout.Space(4);
                    break;
                case PdfFacts f:
                    layout.Table(null, f.Rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Value]).ToList(), [1, 2]);
                    layout.Space(4);
                    break;
                case PdfTable t:
                    layout.Table(t.Header, t.Rows, t.Widths ?? t.Header.Select(_ => 1.0).ToList());
                    layout.Space(4);
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }
        layout.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private sealed class Layout
    {
        private readonly PdfDocument _document;
        private readonly string _footer;
        private readonly List<XGraphics> _pages = [];
        private XGraphics _gfx = null!;
        private double _y;

        public Layout(PdfDocument document, string footer)
        {
            _document = document;
            _footer = footer;
            NewPage();
        }

        public XFont TitleFont { get; } = new(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold);
        public XFont HeadingFont { get; } = new(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold);
        public XFont BodyFont { get; } = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Regular);
        private XFont BoldBody { get; } = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Bold);
        private XFont FooterFont { get; } = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Regular);

        public double ContentWidth => XUnit.FromPoint(_document.Pages[0].Width.Point).Point - 2 * Margin;
        private double Bottom => _document.Pages[^1].Height.Point - Margin;

        public void Space(double points) => _y += points;

        public void Text(string text, XFont font, double x, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                var height = font.GetHeight();
                if (_y + height > Bottom)
                {
                    NewPage();
                }
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin + x, _y, width, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Table(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> weights)
        {
            var total = weights.Sum();
            var widths = weights.Select(w => ContentWidth * w / total).ToArray();
            if (header is not null)
            {
                Row(header, widths, BoldBody);
            }
            foreach (var row in rows)
            {
                Row(row, widths, BodyFont);
            }
        }

        private void Row(IReadOnlyList<string> cells, double[] widths, XFont font)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * CellPadding)).ToList();
            var height = wrapped.Max(w => w.Count) * font.GetHeight() + 2 * CellPadding;
            if (_y + height > Bottom)
            {
                NewPage();
            }
            var x = Margin;
            for (var i = 0; i < widths.Length && i < wrapped.Count; i++)
            {
                _gfx.DrawRectangle(XPens.Gray, x, _y, widths[i], height);
                var lineY = _y + CellPadding;
                foreach (var line in wrapped[i])
                {
                    _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, lineY, widths[i] - 2 * CellPadding, font.GetHeight()), XStringFormats.TopLeft);
                    lineY += font.GetHeight();
                }
                x += widths[i];
            }
            _y += height;
        }

        private List<string> Wrap(string text, XFont font, double width) => LineWrap.Lines(text, t => _gfx.MeasureString(t, font).Width, width);

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _pages.Add(_gfx);
            _y = Margin;
        }

        public void Finish()
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _document.Pages[i];
                var text = $"{_footer} — {i + 1}/{_pages.Count}";
                _pages[i].DrawString(text, FooterFont, XBrushes.Gray, new XRect(Margin, page.Height.Point - Margin + 14, page.Width.Point - 2 * Margin, 12), XStringFormats.TopLeft);
                _pages[i].Dispose();
            }
        }
    }
}
