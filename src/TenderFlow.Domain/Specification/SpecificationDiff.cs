namespace TenderFlow.Domain.Specification;

public enum SectionChange
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

public sealed record SectionDiff(SectionChange Change, Guid? ThemeId, string Heading, IReadOnlyList<DiffPiece> HeadingDiff, IReadOnlyList<DiffPiece> TextDiff);

public sealed record VersionDiff(int FromNumber, int ToNumber, IReadOnlyList<DiffPiece> Introduction, bool IntroductionChanged, IReadOnlyList<SectionDiff> Sections);

/// <summary>
/// Compares two versions section by section. A section is the same section when it records the same theme; sections
/// without a theme are matched by heading. Removed sections appear where they stood in the older version.
/// </summary>
public static class SpecificationDiff
{
    public static VersionDiff Compare(int fromNumber, SpecificationContent before, int toNumber, SpecificationContent after)
    {
        var oldSections = before.Sections.ToList();
        var matched = new int?[after.Sections.Count];
        var used = new bool[oldSections.Count];
        for (var n = 0; n < after.Sections.Count; n++)
        {
            var key = Key(after.Sections[n]);
            var o = -1;
            for (var i = 0; i < oldSections.Count; i++)
            {
                if (!used[i] && Key(oldSections[i]) == key)
                {
                    o = i;
                    break;
                }
            }
            if (o >= 0)
            {
                used[o] = true;
                matched[n] = o;
            }
        }
        var result = new List<SectionDiff>();
        var nextOld = 0;
        void EmitRemovedUpTo(int limit)
        {
            for (; nextOld < limit; nextOld++)
            {
                if (!used[nextOld])
                {
                    var s = oldSections[nextOld];
                    result.Add(new(SectionChange.Removed, s.ThemeId, s.Heading, [new(DiffKind.Deleted, s.Heading)], [new(DiffKind.Deleted, s.Text)]));
                }
            }
        }
        for (var n = 0; n < after.Sections.Count; n++)
        {
            var s = after.Sections[n];
            if (matched[n] is { } o)
            {
                EmitRemovedUpTo(o);
                nextOld = Math.Max(nextOld, o + 1);
                var old = oldSections[o];
                var same = SpecificationContent.Normalise(old.Heading) == SpecificationContent.Normalise(s.Heading)
                    && SpecificationContent.Normalise(old.Text) == SpecificationContent.Normalise(s.Text);
                result.Add(new(same ? SectionChange.Unchanged : SectionChange.Changed, s.ThemeId, s.Heading,
                    TextDiff.Words(old.Heading, s.Heading), TextDiff.Words(old.Text, s.Text)));
            }
            else
            {
                result.Add(new(SectionChange.Added, s.ThemeId, s.Heading, [new(DiffKind.Inserted, s.Heading)], [new(DiffKind.Inserted, s.Text)]));
            }
        }
        EmitRemovedUpTo(oldSections.Count);
        var introductionChanged = SpecificationContent.Normalise(before.Introduction) != SpecificationContent.Normalise(after.Introduction);
        return new VersionDiff(fromNumber, toNumber, TextDiff.Words(before.Introduction, after.Introduction), introductionChanged, result);
    }

    private static string Key(SectionContent s) => s.ThemeId is { } theme ? "theme:" + theme.ToString("D") : "heading:" + SpecificationContent.Normalise(s.Heading).ToLowerInvariant();
}
