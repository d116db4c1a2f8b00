using Microsoft.AspNetCore.Razor.TagHelpers;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Shared.TagHelpers;

/// <summary>
/// <c>&lt;bilingual nl="…" en="…" /&gt;</c>: text entered in Dutch and, where someone gave it, English. On an English page
/// without an English text the Dutch one is shown marked <c>lang="nl"</c> (WCAG 3.1.2), so a screen reader pronounces it as Dutch.
/// </summary>
[HtmlTargetElement("bilingual", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BilingualTagHelper : TagHelper
{
    public string? Nl { get; set; }
    public string? En { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var english = PortalCultures.Language == "en";
        var fallback = english && string.IsNullOrWhiteSpace(En);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (fallback)
        {
            output.Attributes.SetAttribute("lang", "nl");
        }
        output.Content.SetContent(english && !fallback ? En : Nl ?? "");
    }
}
