using TenderFlow.Domain.Input;

namespace TenderFlow.Domain.Tests.Input;

public class EnteredTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("\u200b\u00a0")]
    [InlineData("\t\n\ufeff")]
    [InlineData("-- .")]
    public void Text_without_a_letter_or_digit_reads_as_blank(string? text)
    {
        Assert.Equal((null, null), EnteredText.Read(text, "reason"));
    }

    [Theory]
    [InlineData("Prestaties \u202Eraeh\u202C", true)]
    [InlineData("Prestaties\u0000", true)]
    [InlineData("Regel een\nregel twee", false)]
    public void Control_or_invisible_characters_break_the_unreadable_text_rule_at_the_field(string text, bool unreadable)
    {
        var (read, violation) = EnteredText.Read(text, "reason");

        Assert.Equal(unreadable, violation is not null);
        Assert.Equal(unreadable ? ("UnreadableTextRule", "reason") : (null, null), (violation?.Rule, violation?.Field));
        Assert.Equal(unreadable ? null : text, read);
    }

    [Fact]
    public void A_single_line_field_refuses_a_line_break()
    {
        Assert.Equal("UnreadableTextRule", EnteredText.Read("Regel een\nregel twee", "title", multiline: false).Unreadable?.Rule);
    }

    [Theory]
    [InlineData("Regel een\r\nregel twee\r\n\r\nslot")]
    [InlineData("Regel een\rregel twee\n\rslot")]
    public void Line_breaks_are_stored_as_one_character_each_as_the_browser_counted_them(string text)
    {
        var (read, violation) = EnteredText.Read(text, "text");

        Assert.Null(violation);
        Assert.Equal("Regel een\nregel twee\n\nslot", read);
    }
}
