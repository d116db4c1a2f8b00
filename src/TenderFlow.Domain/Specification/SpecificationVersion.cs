namespace TenderFlow.Domain.Specification;

/// <summary>
/// One saved version of the final specification (definitieve opdrachtomschrijving). Never changed after it is written:
/// every save by Procurement adds the next <see cref="Number"/>; <see cref="Sha256"/> is over <see cref="SpecificationContent.Canonical"/>.
/// </summary>
public sealed class SpecificationVersion
{
    public const int MaxIntroductionLength = 20000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public int Number { get; init; }
    public required string Introduction { get; init; }
    public required string AuthorUserId { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public required string Sha256 { get; init; }
    public List<SpecificationSection> Sections { get; init; } = [];

    public SpecificationContent Content => new(Introduction, Sections.OrderBy(s => s.Position).Select(s => new SectionContent(s.ThemeId, s.Heading, s.Text)).ToList());
}

/// <summary>A section of a version; <see cref="ThemeId"/> links it to the dialogue theme whose outcome it records.</summary>
public sealed class SpecificationSection
{
    public const int MaxHeadingLength = 300;
    public const int MaxTextLength = 20000;

    public Guid VersionId { get; init; }
    public int Position { get; init; }
    public Guid? ThemeId { get; init; }
    public required string Heading { get; init; }
    public required string Text { get; init; }
}
