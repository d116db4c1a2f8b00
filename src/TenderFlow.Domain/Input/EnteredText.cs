using System.Globalization;

namespace TenderFlow.Domain.Input;

/// <summary>
/// What people type into fields that end up in the audit trail, letters and exports. Blank is not only white space:
/// a zero-width space or a NUL looks like nothing to a reader, and a direction override makes text read otherwise
/// than it is stored.
/// </summary>
public static class EnteredText
{
    /// <summary>The trimmed text, or null when it holds no letter or digit at all.</summary>
    public static string? Meaningful(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is not null && trimmed.Any(char.IsLetterOrDigit) ? trimmed : null;
    }

    /// <summary>No control characters (line breaks and tabs only when <paramref name="multiline"/>) and no invisible formatting characters other than the soft hyphen word processors put in.</summary>
    public static bool IsReadable(string text, bool multiline) => text.All(c =>
        char.IsControl(c) ? multiline && c is '\n' or '\r' or '\t'
        : CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format || c == '\u00AD');
}
