using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>Small but real files of each accepted type (and some that must be refused), plus a multipart upload helper.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text = "Visie op specialistische begeleiding") =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {Ascii(text)}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx(string text = "Referentie") => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"));

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    /// <summary>A zip that is no office document: refused even when named .docx.</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "hello"));

    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    public static MultipartFormDataContent Form(byte[] content, string fileName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static string Ascii(string text) => new(text.Select(c => c < 128 ? c : '?').ToArray());

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
