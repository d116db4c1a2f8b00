using System.Globalization;
using System.Text;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Input;

/// <summary>
/// What people type into fields that end up in the audit trail, letters and exports. Blank is not only white space:
/// a zero-width space or a NUL looks like nothing to a reader, and a direction override makes text read otherwise
/// than it is stored.
/// </summary>
public static class EnteredText
{
    /// <summary>The trimmed text, or null when it holds no letter or digit at all.</summary>
    private static string? Meaningful(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is not null && trimmed.Any(char.IsLetterOrDigit) ? trimmed : null;
    }

    /// <summary>
    /// No control characters (line breaks and tabs only when <paramref name="multiline"/>) and no invisible formatting
    /// characters, also beyond the first Unicode plane (tag characters), other than the soft hyphen word processors put in.
    /// </summary>
    private static bool IsReadable(string text, bool multiline) => text.EnumerateRunes().All(r =>
        Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control => multiline && r.Value is '\n' or '\r' or '\t',
            UnicodeCategory.Format => r.Value == '\u00AD',
            _ => true,
        });

    /// <summary>
    /// A free text as a feature stores it: <see cref="Meaningful"/> (so the feature's own "required" rule sees invisible-only
    /// text as blank) with its line breaks as <c>\n</c>, or the <c>UnreadableTextRule</c> on <paramref name="field"/> when
    /// it holds control or invisible characters. <paramref name="nameNl"/> and <paramref name="nameEn"/> name the field as
    /// people know it.
    /// </summary>
    /// <remarks>
    /// A browser sends a text area's line breaks as CRLF but counts each as one character against its maxlength: stored as
    /// sent, text the page accepted would fail the feature's own length rule.
    /// </remarks>
    public static (string? Text, RuleViolation? Unreadable) Read(
        string? text, string field, bool multiline = true, string nameNl = "De tekst", string nameEn = "The text")
    {
        var meaningful = Meaningful(text);
        return meaningful is not null && !IsReadable(meaningful, multiline)
            ? (null, new("UnreadableTextRule", RuleKind.Invalid,
                new($"{nameNl} bevat onzichtbare tekens of stuurtekens (zoals een regeleinde of een leesrichtingsteken). Typ de tekst opnieuw.",
                    $"{nameEn} contains invisible or control characters (such as a line break or a direction mark). Type the text again."), field))
            : (meaningful?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), null);
    }
}
