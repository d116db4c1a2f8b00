using PdfSharp.Pdf.IO;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Specification.SpecificationWorld;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>Long unbroken text in the specification's PDF: broken over lines that fit, nothing lost, and the approval still goes through.</summary>
public sealed class SpecificationPdfWrapTests
{
    /// <summary>Every character one unit wide: a line holds at most <c>width</c> characters.</summary>
    private static double Units(string text) => text.Length;

    [Fact]
    public void An_unbroken_run_is_cut_into_full_lines_without_losing_a_character()
    {
        var run = new string('x', 20_000);

        var lines = LineWrap.Lines(run, Units, 86);

        Assert.Equal(run, string.Concat(lines));
        Assert.All(lines.SkipLast(1), l => Assert.Equal(86, l.Length));
        Assert.Equal(20_000 % 86, lines[^1].Length);
    }

    [Fact]
    public void Words_joined_by_non_breaking_or_other_white_space_break_between_the_words()
    {
        var text = string.Join('\u00A0', Enumerable.Repeat("woord", 3_000)) + "\tslot";

        var lines = LineWrap.Lines(text, Units, 20);

        Assert.All(lines, l => Assert.True(l.Length <= 20, l));
        Assert.All(lines, l => Assert.Matches("^(woord|slot)( (woord|slot))*$", l));
        Assert.Equal(3_001, lines.Sum(l => l.Split(' ').Length));
    }

    [Fact]
    public void A_long_word_after_other_words_starts_a_new_line_and_its_rest_takes_the_next_word()
    {
        var lines = LineWrap.Lines("een twee abcdefghijklmnopqrstuvwxy drie vier", Units, 10);

        Assert.Equal(["een twee", "abcdefghij", "klmnopqrst", "uvwxy drie", "vier"], lines);
    }

    [Fact]
    public void A_character_outside_the_first_plane_is_not_cut_in_half()
    {
        var lines = LineWrap.Lines("ab\U0001F600cd", Units, 3);

        Assert.Equal("ab\U0001F600cd", string.Concat(lines));
        Assert.DoesNotContain(lines, l => char.IsHighSurrogate(l[^1]) || char.IsLowSurrogate(l[0]));
    }

    [Fact]
    public async Task A_version_with_a_section_of_20000_unbroken_characters_is_approved_with_its_pdf()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        var v2 = await CreatedAsync(await world.SaveWithTextAsync(v1, 0, new string('x', 20_000)));
        await CreatedAsync(await world.SaveWithTextAsync(v2, 1, string.Join('\u00A0', Enumerable.Repeat("woord", 3_300))));

        await NoContentAsync(world.ReviewAsync(3, true));

        var documentId = (await app.Legal().GetJsonAsync($"{world.Api}/versions/3"))["documentId"]!.GetValue<Guid>();
        var pdf = await app.Legal().GetByteArrayAsync($"/api/documents/{documentId}");
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        // 20,000 characters on one line would not add a page; wrapped at 9.5 pt they take over three pages, the 19,800 of the second section as many.
        Assert.True(document.PageCount >= 7, $"pages: {document.PageCount}");
    }
}
