using System.IO.Compression;

namespace TenderFlow.Domain.Documents;

/// <summary>The file types a tender accepts, recognised by their content (signature and, for zip-based formats, their parts).</summary>
public sealed record DocumentFormat(string Name, string Extension, string ContentType)
{
    public static readonly DocumentFormat Pdf = new("PDF", ".pdf", "application/pdf");
    public static readonly DocumentFormat Docx = new("DOCX", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly DocumentFormat Xlsx = new("XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly DocumentFormat Odt = new("ODT", ".odt", "application/vnd.oasis.opendocument.text");
    public static readonly DocumentFormat Ods = new("ODS", ".ods", "application/vnd.oasis.opendocument.spreadsheet");

    public static readonly IReadOnlyList<DocumentFormat> Accepted = [Pdf, Docx, Xlsx, Odt, Ods];

    public static string AcceptedList => string.Join(", ", Accepted.Select(f => f.Name));

    /// <summary>Recognises the format of a stored file by reading it from disk (never whole into memory); null when it is none of <see cref="Accepted"/>.</summary>
    public static DocumentFormat? Detect(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[5];
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < 4)
        {
            return null;
        }
        if (head.SequenceEqual("%PDF-"u8))
        {
            return Pdf;
        }
        if (!head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            return DetectZipPackage(zip);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static DocumentFormat? DetectZipPackage(ZipArchive zip)
    {
        if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
        {
            using var reader = new StreamReader(mimetype.Open());
            var type = reader.ReadToEnd().Trim();
            return type == Odt.ContentType ? Odt : type == Ods.ContentType ? Ods : null;
        }
        if (zip.GetEntry("[Content_Types].xml") is null)
        {
            return null;
        }
        return zip.GetEntry("word/document.xml") is not null ? Docx : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : null;
    }
}
