using TenderFlow.Domain.Specification;

namespace TenderFlow.Domain.Tests.Specification;

public sealed class TextDiffTests
{
    private static string Render(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Select(p => p.Kind switch
    {
        DiffKind.Inserted => "[+" + p.Text + "]",
        DiffKind.Deleted => "[-" + p.Text + "]",
        _ => p.Text,
    }));

    [Fact]
    public void Equal_texts_are_one_unchanged_piece()
    {
        var diff = TextDiff.Words("Taakgerichte bekostiging per wijk", "Taakgerichte bekostiging per wijk");
        Assert.Equal([new DiffPiece(DiffKind.Same, "Taakgerichte bekostiging per wijk")], diff);
    }

    [Fact]
    public void A_changed_word_is_a_deletion_followed_by_an_insertion()
    {
        Assert.Equal("De looptijd is [-drie][+vier] jaar.", Render(TextDiff.Words("De looptijd is drie jaar.", "De looptijd is vier jaar.")));
    }

    [Fact]
    public void Inserted_and_deleted_words_keep_the_common_words_in_place()
    {
        var before = "Wachttijd hoogstens 14 dagen in alle wijken";
        var after = "Wachttijd voor individuele begeleiding hoogstens 14 dagen in alle tien wijken";
        var diff = TextDiff.Words(before, after);
        Assert.Equal(["voor individuele begeleiding", "tien"], diff.Where(p => p.Kind == DiffKind.Inserted).Select(p => p.Text.Trim()).ToList());
        Assert.DoesNotContain(diff, p => p.Kind == DiffKind.Deleted);
    }

    [Fact]
    public void Neighbouring_changed_words_form_one_change()
    {
        Assert.Equal("Bekostiging [-op inspanning][+per taak] vanaf 2027", Render(TextDiff.Words("Bekostiging op inspanning vanaf 2027", "Bekostiging per taak vanaf 2027")));
    }

    [Fact]
    public void Applying_the_diff_gives_back_both_texts()
    {
        var before = "Samen leren en ontwikkelen.\nEen leeragenda per jaar, met de gemeente.";
        var after = "Samen leren en ontwikkelen.\nTwee leeragenda's per jaar, opgesteld met cliëntvertegenwoordigers.\nEvaluatie in het vierde kwartaal.";
        var diff = TextDiff.Words(before, after);
        Assert.Equal(before, string.Concat(diff.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(diff.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
    }

    [Fact]
    public void Empty_to_text_and_back()
    {
        Assert.Equal("[+Nieuw onderdeel]", Render(TextDiff.Words("", "Nieuw onderdeel")));
        Assert.Equal("[-Vervallen]", Render(TextDiff.Words("Vervallen", "")));
        Assert.Empty(TextDiff.Words("", ""));
    }

    [Fact]
    public void Line_diff_marks_whole_lines()
    {
        Assert.Equal("regel 1\n[-regel 2\n][+regel twee\n]regel 3", Render(TextDiff.Lines("regel 1\nregel 2\nregel 3", "regel 1\nregel twee\nregel 3")));
    }

    [Fact]
    public void Very_long_texts_fall_back_to_lines_and_still_round_trip()
    {
        // 100 paragraphs of 50 words: too many words for a word table, so unchanged paragraphs stay whole.
        static string Paragraph(int p, bool changed) => string.Join(" ", Enumerable.Range(0, 50).Select(i => (changed && i == 7 ? "anders" : "woord") + p + "x" + i));
        var before = string.Join("\n", Enumerable.Range(0, 100).Select(p => Paragraph(p, false)));
        var after = string.Join("\n", Enumerable.Range(0, 100).Select(p => Paragraph(p, p % 10 == 5)));
        var diff = TextDiff.Words(before, after);
        Assert.Equal(before, string.Concat(diff.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(diff.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
        Assert.Equal(10, diff.Count(p => p.Kind == DiffKind.Inserted));
        Assert.Contains(diff, p => p.Kind == DiffKind.Same && p.Text.StartsWith("woord0x0 ", StringComparison.Ordinal));
    }
}
