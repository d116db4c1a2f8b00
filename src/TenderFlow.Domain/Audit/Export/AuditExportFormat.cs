using System.Text.Encodings.Web;
using System.Text.Json;

namespace TenderFlow.Domain.Audit.Export;

/// <summary>Names and JSON settings of the audit export package ("tenderflow-audit-export/1"); the README describes the layout.</summary>
public static class AuditExportFormat
{
    public const string FormatId = "tenderflow-audit-export/1";
    public const string SignatureFormatId = "tenderflow-audit-signature/1";
    public const string SignatureAlgorithm = "ECDSA-P256-SHA256";

    public const string Manifest = "manifest.json";
    public const string Signature = "signature.json";
    public const string Events = "events.jsonl";
    public const string Documents = "documents.jsonl";
    public const string Verification = "verification.json";
    public const string DefinitionsFolder = "definitions/";
    public const string DocumentsFolder = "documents/";

    public const string ContentIncluded = "included";
    public const string ContentWithheld = "withheld";

    /// <summary>Readable JSON (no \u-escaping of accents or quotes beyond what JSON needs); indented for the manifest and reports.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions JsonLine = new(Json) { WriteIndented = false };

    public static readonly JsonWriterOptions LineWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string DefinitionPath(string id, int version) => $"{DefinitionsFolder}{id}-v{version}.json";

    public static string DocumentPath(Guid id, string fileName) => $"{DocumentsFolder}{id:D}/{SafeFileName(fileName)}";

    /// <summary>A file name as one path segment: separators and control characters become '_'.</summary>
    public static string SafeFileName(string fileName)
    {
        var chars = fileName.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim();
        return name is "" or "." or ".." ? "document" : name;
    }
}
