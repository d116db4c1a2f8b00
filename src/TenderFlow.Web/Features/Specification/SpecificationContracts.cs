using TenderFlow.Domain.Specification;

namespace TenderFlow.Web.Features.Specification;

public sealed record SectionRequest(Guid? ThemeId, string? Heading, string? Text);

public sealed record SaveSpecificationRequest(string? Introduction, List<SectionRequest>? Sections, int? BasedOnVersion);

public sealed record ReviewRequest(int? Version, bool? Approve, string? Comment);

public sealed record AcknowledgementRequest(int? Version);

public sealed record SectionView(int Position, Guid? ThemeId, string? ThemeKey, string Heading, string Text);

public sealed record ReviewView(int Version, string Verdict, string? Comment, string ReviewerName, DateTime ReviewedAtUtc, Guid? DocumentId);

public sealed record VersionSummary(int Number, string AuthorName, DateTime CreatedAtUtc, string Sha256, string Status, Guid? DocumentId);

public sealed record VersionView(int Number, string Status, string Introduction, IReadOnlyList<SectionView> Sections, string AuthorName,
    DateTime CreatedAtUtc, string Sha256, IReadOnlyList<ReviewView> Reviews, Guid? DocumentId);

public sealed record AcknowledgementView(int Version, Guid OrganisationId, string OrganisationName, string UserName, DateTime AcknowledgedAtUtc);

/// <summary>What a reader sees; for the participant and evaluators only approved versions, and only their own acknowledgements.</summary>
public sealed record SpecificationView(string Status, VersionView? Latest, IReadOnlyList<VersionSummary> Versions, IReadOnlyList<AcknowledgementView> Acknowledgements);

public sealed record DiffPieceView(string Kind, string Text);

public sealed record SectionDiffView(string Change, Guid? ThemeId, string Heading, IReadOnlyList<DiffPieceView> HeadingDiff, IReadOnlyList<DiffPieceView> TextDiff);

public sealed record VersionDiffView(int From, int To, bool IntroductionChanged, IReadOnlyList<DiffPieceView> Introduction, IReadOnlyList<SectionDiffView> Sections)
{
    public static VersionDiffView Of(VersionDiff diff) => new(diff.FromNumber, diff.ToNumber, diff.IntroductionChanged, Pieces(diff.Introduction),
        diff.Sections.Select(s => new SectionDiffView(Camel(s.Change.ToString()), s.ThemeId, s.Heading, Pieces(s.HeadingDiff), Pieces(s.TextDiff))).ToList());

    private static List<DiffPieceView> Pieces(IEnumerable<DiffPiece> pieces) => pieces.Select(p => new DiffPieceView(Camel(p.Kind.ToString()), p.Text)).ToList();

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
