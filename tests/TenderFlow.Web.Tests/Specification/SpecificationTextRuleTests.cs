using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Specification.SpecificationWorld;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>
/// The specification's free texts follow the rule for every typed text: no direction overrides or other invisible or control
/// characters (the page and the approved PDF would read differently from what is stored), and invisible-only text is blank.
/// </summary>
public sealed class SpecificationTextRuleTests
{
    [Fact]
    public async Task Unreadable_introduction_heading_and_text_are_refused_and_invisible_only_headings_are_blank()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();

        var text = await Problem(world, v1, 2, "Tarief \u202E05,78\u202C euro per uur");
        Assert.Equal("UnreadableTextRule", text["rule"]!.GetValue<string>());
        Assert.Equal("sections[2].text", Field(text));
        Assert.Equal("UnreadableTextRule", (await PutAsync(world, v1, introduction: "Inleiding \u0007 met een belteken"))["rule"]!.GetValue<string>());
        var heading = await PutAsync(world, v1, heading: "Kop met \u200Bnulbreedte");
        Assert.Equal("UnreadableTextRule", heading["rule"]!.GetValue<string>());
        Assert.Equal("sections[0].heading", Field(heading));
        Assert.Equal("SpecificationSectionHeadingRule", (await PutAsync(world, v1, heading: "\u200B"))["rule"]!.GetValue<string>());
        Assert.Equal(1, world.Db(db => db.SpecificationVersions.Count(v => v.TenderId == world.Dialogue.TenderId)));

        // Line breaks in a text stay allowed.
        await CreatedAsync(await world.SaveWithTextAsync(v1, 2, "Eerste alinea.\r\n\r\nTweede alinea.\tMet een tab."));
    }

    [Fact]
    public async Task An_invisible_only_comment_is_no_comment_and_an_unreadable_one_is_refused()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        await world.DraftAsync();

        Assert.Equal("SpecificationReviewCommentRule", await RuleAsync(await world.ReviewAsync(1, false, "\u200B"), 400));
        var unreadable = await (await world.ReviewAsync(1, false, "Tarief \u202E05,78\u202C aanpassen")).ProblemAsync(400);
        Assert.Equal("UnreadableTextRule", unreadable["rule"]!.GetValue<string>());
        Assert.Equal("comment", Field(unreadable));
        Assert.Equal("UnreadableTextRule", await RuleAsync(await world.ReviewAsync(1, true, "Akkoord\u202E"), 400));
        Assert.Equal(0, world.Db(db => db.SpecificationReviews.Count(r => r.TenderId == world.Dialogue.TenderId)));

        await NoContentAsync(world.ReviewAsync(1, false, "Neem de wachttijdnorm op.\r\nEn de tarieven."));
        Assert.Equal("Neem de wachttijdnorm op.\nEn de tarieven.", world.Db(db => db.SpecificationReviews.Single(r => r.TenderId == world.Dialogue.TenderId).Comment));
    }

    private static string Field(JsonObject problem) => Assert.Single(problem["errors"]!.AsObject()).Key;

    private static async Task<JsonObject> Problem(SpecificationWorld world, JsonObject version, int section, string text) =>
        await (await world.SaveWithTextAsync(version, section, text)).ProblemAsync(400);

    private static async Task<JsonObject> PutAsync(SpecificationWorld world, JsonObject version, string? introduction = null, string? heading = null)
    {
        var sections = version["sections"]!.AsArray().Select((s, i) => new
        {
            themeId = s!["themeId"]?.GetValue<Guid?>(),
            heading = i == 0 && heading is not null ? heading : s["heading"]!.GetValue<string>(),
            text = s["text"]!.GetValue<string>(),
        }).ToList();
        var response = await world.App.Procurement().PutAsJsonAsync(world.Api, new
        {
            introduction = introduction ?? version["introduction"]!.GetValue<string>(), sections, basedOnVersion = version["number"]!.GetValue<int>(),
        });
        return await response.ProblemAsync(400);
    }
}
