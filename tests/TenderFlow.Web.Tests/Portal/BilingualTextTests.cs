using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TenderFlow.Web.Features.Shared.TagHelpers;

namespace TenderFlow.Web.Tests.Portal;

/// <summary>Text entered in Dutch and perhaps English: on an English page a missing English text shows the Dutch one, marked as Dutch.</summary>
public sealed class BilingualTextTests
{
    private static (string? Lang, string Content) Render(string culture, string nl, string? en)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var output = new TagHelperOutput("bilingual", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            new BilingualTagHelper { Nl = nl, En = en }.Process(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);
            Assert.Equal("span", output.TagName);
            return (output.Attributes["lang"]?.Value?.ToString(), output.Content.GetContent());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void An_English_page_without_English_text_marks_the_Dutch_text_as_Dutch() =>
        Assert.Equal(("nl", "Ervaring met wijkteams"), Render("en", "Ervaring met wijkteams", null));

    [Fact]
    public void An_English_page_shows_the_English_text_unmarked() =>
        Assert.Equal((null, "Experience with district teams"), Render("en", "Ervaring met wijkteams", "Experience with district teams"));

    [Fact]
    public void A_Dutch_page_shows_the_Dutch_text_unmarked() =>
        Assert.Equal((null, "Ervaring met wijkteams"), Render("nl", "Ervaring met wijkteams", "Experience with district teams"));
}
