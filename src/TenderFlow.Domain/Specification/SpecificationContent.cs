using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TenderFlow.Domain.Specification;

public sealed record SectionContent(Guid? ThemeId, string Heading, string Text);

/// <summary>What a version says, independent of who saved it when; its hash identifies exactly this text.</summary>
public sealed record SpecificationContent(string Introduction, IReadOnlyList<SectionContent> Sections)
{
    public const int MaxSections = 100;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>A fixed serialisation (property order, no whitespace, line endings as \n) so the same text always hashes the same.</summary>
    public string Canonical() => JsonSerializer.Serialize(new
    {
        introduction = Normalise(Introduction),
        sections = Sections.Select(s => new { themeId = s.ThemeId?.ToString("D"), heading = Normalise(s.Heading), text = Normalise(s.Text) }),
    }, Json);

    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    public bool SameAs(SpecificationContent other) => Canonical() == other.Canonical();

    public static string Normalise(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
}
