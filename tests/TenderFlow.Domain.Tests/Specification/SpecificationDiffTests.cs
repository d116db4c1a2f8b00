using TenderFlow.Domain.Specification;

namespace TenderFlow.Domain.Tests.Specification;

public sealed class SpecificationDiffTests
{
    private static readonly Guid Funding = Guid.NewGuid();
    private static readonly Guid Monitoring = Guid.NewGuid();
    private static readonly Guid Digital = Guid.NewGuid();

    private static SpecificationContent Version1() => new("Inleiding.",
    [
        new(Funding, "Sturing en bekostiging", "Taakgerichte bekostiging."),
        new(Monitoring, "Monitoring", "Halfjaarlijkse rapportage."),
        new(Digital, "Digitalisering", "Eén cliëntdossier."),
    ]);

    [Fact]
    public void Sections_are_matched_by_theme_and_classified()
    {
        var v2 = new SpecificationContent("Inleiding.",
        [
            new(Funding, "Sturing en bekostiging", "Taakgerichte bekostiging per wijk."),
            new(Digital, "Digitalisering", "Eén cliëntdossier."),
            new(null, "Slotbepalingen", "Looptijd tien jaar."),
        ]);
        var diff = SpecificationDiff.Compare(1, Version1(), 2, v2);
        Assert.False(diff.IntroductionChanged);
        Assert.Equal(
            [(SectionChange.Changed, "Sturing en bekostiging"), (SectionChange.Removed, "Monitoring"), (SectionChange.Unchanged, "Digitalisering"), (SectionChange.Added, "Slotbepalingen")],
            diff.Sections.Select(s => (s.Change, s.Heading)).ToList());
        Assert.Contains(diff.Sections[0].TextDiff, p => p.Kind == DiffKind.Inserted && p.Text.Contains("per wijk"));
    }

    [Fact]
    public void A_renamed_section_of_the_same_theme_is_changed_not_removed_and_added()
    {
        var v2 = new SpecificationContent("Inleiding, herzien.",
        [
            new(Funding, "Sturing en taakgerichte bekostiging", "Taakgerichte bekostiging."),
            new(Monitoring, "Monitoring", "Halfjaarlijkse rapportage."),
            new(Digital, "Digitalisering", "Eén cliëntdossier."),
        ]);
        var diff = SpecificationDiff.Compare(1, Version1(), 2, v2);
        Assert.True(diff.IntroductionChanged);
        Assert.Equal(SectionChange.Changed, diff.Sections[0].Change);
        Assert.Contains(diff.Sections[0].HeadingDiff, p => p.Kind == DiffKind.Inserted && p.Text.Contains("taakgerichte"));
        Assert.All(diff.Sections.Skip(1), s => Assert.Equal(SectionChange.Unchanged, s.Change));
    }

    [Fact]
    public void Sections_without_a_theme_match_by_heading()
    {
        var before = new SpecificationContent("", [new(null, "Slotbepalingen", "Looptijd negen jaar.")]);
        var after = new SpecificationContent("", [new(null, "slotbepalingen", "Looptijd tien jaar.")]);
        Assert.Equal(SectionChange.Changed, Assert.Single(SpecificationDiff.Compare(1, before, 2, after).Sections).Change);
    }

    [Fact]
    public void The_hash_ignores_line_ending_style_but_not_content()
    {
        var a = new SpecificationContent("Regel een\r\nRegel twee", []);
        var b = new SpecificationContent("Regel een\nRegel twee", []);
        var c = new SpecificationContent("Regel een\nRegel 2", []);
        Assert.Equal(a.Sha256(), b.Sha256());
        Assert.NotEqual(a.Sha256(), c.Sha256());
        Assert.Matches("^[0-9a-f]{64}$", a.Sha256());
    }

    [Fact]
    public void Status_follows_the_latest_version_only()
    {
        var v1 = new SpecificationVersion { Id = Guid.NewGuid(), Number = 1, Introduction = "", AuthorUserId = "a", Sha256 = "" };
        var v2 = new SpecificationVersion { Id = Guid.NewGuid(), Number = 2, Introduction = "", AuthorUserId = "a", Sha256 = "" };
        var approvedV1 = new SpecificationReview { Id = Guid.NewGuid(), VersionId = v1.Id, VersionNumber = 1, Verdict = ReviewVerdict.Approved, ReviewerUserId = "l" };
        var changesV2 = new SpecificationReview { Id = Guid.NewGuid(), VersionId = v2.Id, VersionNumber = 2, Verdict = ReviewVerdict.ChangesRequested, ReviewerUserId = "l" };
        Assert.Equal(SpecificationStatus.None, SpecificationRules.StatusOf(null, []));
        Assert.Equal(SpecificationStatus.Approved, SpecificationRules.StatusOf(v1, [approvedV1]));
        Assert.Equal(SpecificationStatus.Draft, SpecificationRules.StatusOf(v2, [approvedV1]));
        Assert.Equal(SpecificationStatus.ChangesRequested, SpecificationRules.StatusOf(v2, [approvedV1, changesV2]));
        Assert.Equal(SpecificationStatus.Approved, SpecificationRules.StatusOf(v2,
            [approvedV1, changesV2, new SpecificationReview { Id = Guid.NewGuid(), VersionId = v2.Id, VersionNumber = 2, Verdict = ReviewVerdict.Approved, ReviewerUserId = "l" }]));
    }
}
