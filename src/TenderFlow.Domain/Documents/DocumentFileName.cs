using System.Text;

namespace TenderFlow.Domain.Documents;

/// <summary>
/// Makes a client-supplied file name safe to show and to offer as a download name: no directories, no control or
/// reserved characters, bounded length, and the extension of the format the content actually has.
/// </summary>
public static class DocumentFileName
{
    public const int MaxLength = 120;

    public static string Sanitise(string? supplied, DocumentFormat format)
    {
        var name = (supplied ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var stem = Path.GetFileNameWithoutExtension(name);
        var clean = new StringBuilder(stem.Length);
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c);
        }
        var safe = clean.ToString().Trim().Trim('.').Trim();
        if (safe.Length == 0)
        {
            safe = "document";
        }
        var room = MaxLength - format.Extension.Length;
        return (safe.Length > room ? safe[..room] : safe) + format.Extension;
    }

    /// <summary>True when the supplied name tries to point outside its folder (../, absolute paths, drive letters).</summary>
    public static bool LooksLikeTraversal(string? supplied) =>
        supplied is not null && (supplied.Contains("..", StringComparison.Ordinal) || supplied.StartsWith('/') || supplied.StartsWith('\\')
            || (supplied.Length > 1 && supplied[1] == ':') || supplied.Contains('\0'));
}
