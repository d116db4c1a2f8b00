using System.Net;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>The specification page's forms after a refusal: what was typed and chosen stays, and the error points at its field.</summary>
public sealed class SpecificationPageTests
{
    [Fact]
    public async Task A_refused_request_for_changes_stays_a_request_for_changes_with_its_comment()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        await world.DraftAsync();
        var legal = await PortalForms.SignedInAsync(app, "lea.jurist", "Legal");
        var url = $"/tenders/{world.Tender}/opdrachtomschrijving?handler=Review";

        var (response, html) = await PortalForms.PostAsync(legal, url, new Dictionary<string, string> { ["version"] = "1", ["decision"] = "changes", ["comment"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("<input[^>]*id=\"decision-changes\"[^>]*checked", html);
        Assert.DoesNotMatch("<input[^>]*id=\"decision-approve\"[^>]*checked", html);
        Assert.Matches("<textarea[^>]*id=\"review-comment\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"page-error\"", html);

        // Refused for another reason (not the latest version): the comment typed is still there.
        (response, html) = await PortalForms.PostAsync(legal, url, new Dictionary<string, string> { ["version"] = "7", ["decision"] = "changes", ["comment"] = "Neem de wachttijdnorm op." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches("<textarea[^>]*id=\"review-comment\"[^>]*>Neem de wachttijdnorm op.</textarea>", html);
        Assert.Matches("<input[^>]*id=\"decision-changes\"[^>]*checked", html);
        Assert.Equal(0, world.Db(db => db.SpecificationReviews.Count(r => r.TenderId == world.Dialogue.TenderId)));
    }

    [Fact]
    public async Task A_refused_save_keeps_removed_sections_ticked_and_names_the_section_as_posted()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        var procurement = await PortalForms.SignedInAsync(app, "anna.inkoper", "Procurement");
        var url = $"/tenders/{world.Tender}/opdrachtomschrijving?handler=Save";
        Dictionary<string, string> Form(Action<Dictionary<string, string>> change)
        {
            var fields = new Dictionary<string, string> { ["Introduction"] = v1["introduction"]!.GetValue<string>(), ["BasedOnVersion"] = "1" };
            var sections = v1["sections"]!.AsArray();
            for (var i = 0; i < sections.Count; i++)
            {
                fields[$"Sections[{i}].ThemeId"] = sections[i]!["themeId"]!.GetValue<Guid>().ToString();
                fields[$"Sections[{i}].Heading"] = sections[i]!["heading"]!.GetValue<string>();
                fields[$"Sections[{i}].Text"] = sections[i]!["text"]!.GetValue<string>();
            }
            fields[$"Sections[{sections.Count}].Heading"] = "";
            fields[$"Sections[{sections.Count}].Text"] = "";
            change(fields);
            return fields;
        }

        // Section 2 ticked for removal, section 5's heading cleared.
        var (response, html) = await PortalForms.PostAsync(procurement, url, Form(f =>
        {
            f["Sections[1].Remove"] = "true";
            f["Sections[4].Heading"] = "";
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Onderdeel 5 heeft geen kop.", html);
        Assert.Matches("<input[^>]*id=\"section-heading-4\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("<input[^>]*id=\"section-heading-3\"[^>]*aria-invalid", html);
        Assert.Matches("<input[^>]*id=\"section-remove-1\"[^>]*checked", html);
        Assert.DoesNotMatch("<input[^>]*id=\"section-remove-2\"[^>]*checked", html);
        // The posted empty "new section" row is the new-section row again, not an eleventh section.
        Assert.Contains("id=\"edit-section-10\"", html);
        Assert.DoesNotContain("id=\"edit-section-11\"", html);

        // An unreadable text behind the removed section: its own text field is marked.
        (response, html) = await PortalForms.PostAsync(procurement, url, Form(f =>
        {
            f["Sections[1].Remove"] = "true";
            f["Sections[6].Text"] = "Tarief \u202E05,78\u202C euro per uur";
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("<textarea[^>]*id=\"section-text-6\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("<input[^>]*id=\"section-heading-6\"[^>]*aria-invalid", html);
        Assert.DoesNotMatch("<textarea[^>]*id=\"section-text-5\"[^>]*aria-invalid", html);
        Assert.Equal(1, world.Db(db => db.SpecificationVersions.Count(v => v.TenderId == world.Dialogue.TenderId)));
    }

    [Fact]
    public async Task On_the_English_page_the_Dutch_specification_text_is_marked_as_Dutch()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        await SpecificationWorld.CreatedAsync(await world.SaveWithTextAsync(v1, 0, "Aangescherpt na overleg."));
        var english = app.Procurement();
        english.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString("c=en|uic=en")}");
        var url = $"/tenders/{world.Tender}/opdrachtomschrijving";

        var html = await english.GetStringAsync(url);

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Matches("<p class=\"multiline\" lang=\"nl\">Deze definitieve opdrachtomschrijving", html);
        Assert.Matches("<h3 id=\"section-0\" lang=\"nl\">", html);
        Assert.Contains("<p class=\"multiline\" lang=\"nl\">Aangescherpt na overleg.</p>", html);
        Assert.Matches("<p class=\"diff multiline\" lang=\"nl\">", html);
        Assert.Matches("<span class=\"visually-hidden\" lang=\"en\">\\[inserted: </span>", html);

        // On the Dutch page only the page itself says it is Dutch.
        var dutch = await app.Procurement().GetStringAsync(url);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(dutch, "lang=\"nl\""));
        Assert.Matches("<span class=\"visually-hidden\">\\[ingevoegd: </span>", dutch);
    }
}
