using PdfSharp.Fonts;

namespace TenderFlow.Web.Features.Documents.Pdf;

// Why: PDFsharp's core build finds no system fonts on Linux, and a CI machine may have none; the app ships DejaVu Sans
// (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt) so every PDF renders the same everywhere, Dutch diacritics included.
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly object Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"TenderFlow.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
