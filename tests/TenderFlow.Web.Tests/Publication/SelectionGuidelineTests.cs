using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Questions;

namespace TenderFlow.Web.Tests.Publication;

public sealed class SelectionGuidelineTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public static TheoryData<string, object> Broken() => new()
    {
        { "DuplicateGuidelineCodeRule", GuidelineJson.Valid(secondCode: "K1") },
        { "DuplicateGuidelineCodeRule", GuidelineJson.Valid(secondCode: "G1") },
        { "ScaleRangeRule", GuidelineJson.Valid(scaleMin: 10, scaleMax: 10) },
        { "ScaleRangeRule", GuidelineJson.Valid(scaleMin: 8, scaleMax: 2, minimum: null, descriptorScore: 5) },
        { "DescriptorOutsideScaleRule", GuidelineJson.Valid(descriptorScore: 11) },
        { "MinimumScoreOutsideScaleRule", GuidelineJson.Valid(minimum: 12) },
        { "WeightOutOfRangeRule", GuidelineJson.Valid(lastWeight: 0) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_guideline_is_refused_with_its_rule_and_the_stored_one_stays(string rule, object guideline)
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid())).IsSuccessStatusCode);

        var response = await world.Procurement.PutAsJsonAsync(url, guideline);

        Assert.Equal(rule, (await response.ProblemAsync(400))["rule"]!.GetValue<string>());
        var stored = await world.Procurement.GetJsonAsync(url);
        Assert.Equal(["K1", "K2", "K3"], stored["criteria"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Equal(100, stored["totalWeightPercent"]!.GetValue<int>());
    }

    [Fact]
    public async Task Weights_must_add_up_to_100_before_the_guideline_can_be_published()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid(lastWeight: 20))).IsSuccessStatusCode);

        var refused = await world.Procurement.PostAsync(url + "/publish", null);
        Assert.Equal("WeightsMustTotal100Rule", (await refused.ProblemAsync(409))["rule"]!.GetValue<string>());

        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid())).IsSuccessStatusCode);
        var published = await world.Procurement.PostAsync(url + "/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.NotNull((await world.Procurement.GetJsonAsync(url))["publishedAtUtc"]);
    }

    [Fact]
    public async Task An_empty_guideline_cannot_be_published()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);

        var refused = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/guideline/publish", null);

        Assert.Equal("GuidelineIncompleteRule", (await refused.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Once_the_publication_phase_has_started_the_guideline_is_frozen()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid())).IsSuccessStatusCode);
        Assert.True((await world.Procurement.PostAsync(url + "/publish", null)).IsSuccessStatusCode);
        await world.PublishAsync();

        var change = await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid(lastWeight: 20));
        Assert.Equal("GuidelineFrozenRule", (await change.ProblemAsync(409))["rule"]!.GetValue<string>());

        var portal = await PortalPostAsync(world, "SaveRequirement", new() { ["Requirement.Code"] = "G9", ["Requirement.TextNl"] = "Nieuwe eis" });
        Assert.Equal(HttpStatusCode.Conflict, portal.StatusCode);

        var stored = await world.Procurement.GetJsonAsync(url);
        Assert.True(stored["frozen"]!.GetValue<bool>());
        Assert.Equal(25, stored["criteria"]![2]!["weightPercent"]!.GetValue<int>());
        Assert.Equal(2, stored["requirements"]!.AsArray().Count);
    }

    [Fact]
    public async Task Candidates_see_the_guideline_only_once_published_and_the_publication_phase_has_started()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        var bidder = await world.OtherBidderAsync();
        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid())).IsSuccessStatusCode);
        Assert.True((await world.Procurement.PostAsync(url + "/publish", null)).IsSuccessStatusCode);

        Assert.Equal("GuidelineNotPublishedRule", (await (await bidder.GetAsync(url)).ProblemAsync(404))["rule"]!.GetValue<string>());
        Assert.DoesNotContain("Visie op de beweging naar voren", await (await _app.CreateClient().GetAsync($"/openbaar/{world.Reference}")).Content.ReadAsStringAsync());

        await world.PublishAsync();

        var seen = await bidder.GetJsonAsync(url);
        Assert.Equal(40, seen["criteria"]![0]!["weightPercent"]!.GetValue<int>());
        var publicPage = await (await _app.CreateClient().GetAsync($"/openbaar/{world.Reference}")).Content.ReadAsStringAsync();
        Assert.Contains("Visie op de beweging naar voren", publicPage);
        Assert.Contains("40%", publicPage);
        Assert.Contains("Aantoonbare ervaring met ten minste drie vormen", publicPage);
    }

    [Fact]
    public async Task Saving_and_publishing_the_guideline_are_audited()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, GuidelineJson.Valid())).IsSuccessStatusCode);
        Assert.True((await world.Procurement.PostAsync(url + "/publish", null)).IsSuccessStatusCode);

        var actions = (await _app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit")).Select(e => e!["action"]!.GetValue<string>()).ToList();

        Assert.Contains("guideline.saved", actions);
        Assert.Contains("guideline.published", actions);
    }

    [Fact]
    public async Task The_portal_adds_a_criterion_through_the_same_rules()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);

        var bad = await PortalPostAsync(world, "SaveCriterion", new()
        {
            ["Criterion.Code"] = "K1", ["Criterion.TitleNl"] = "Visie", ["Criterion.WeightPercent"] = "100",
            ["Criterion.ScaleMin"] = "0", ["Criterion.ScaleMax"] = "10", ["Criterion.Descriptors"] = "0: geen visie\n12: te hoog",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"page-error\"", badHtml);

        var unreadable = await PortalPostAsync(world, "SaveCriterion", new()
        {
            ["Criterion.Code"] = "K1", ["Criterion.TitleNl"] = "Visie", ["Criterion.WeightPercent"] = "100",
            ["Criterion.ScaleMin"] = "0", ["Criterion.ScaleMax"] = "10", ["Criterion.Descriptors"] = "geen score",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Matches("<textarea id=\"crit-descriptors\"[^>]*aria-invalid=\"true\"\\s+aria-describedby=\"page-error crit-descriptors-hint\">geen score", await unreadable.Content.ReadAsStringAsync());

        var good = await PortalPostAsync(world, "SaveCriterion", new()
        {
            ["Criterion.Code"] = "K1", ["Criterion.TitleNl"] = "Visie", ["Criterion.WeightPercent"] = "100",
            ["Criterion.ScaleMin"] = "0", ["Criterion.ScaleMax"] = "10", ["Criterion.Descriptors"] = "0: geen visie\n10: uitstekend",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await world.Procurement.GetJsonAsync($"/api/tenders/{world.Tender}/guideline");
        Assert.Equal([0, 10], stored["criteria"]![0]!["descriptors"]!.AsArray().Select(d => d!["score"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Editing_a_criterion_in_the_portal_keeps_its_English_texts_and_the_audit_shows_the_descriptors()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var url = $"/api/tenders/{world.Tender}/guideline";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, new
        {
            requirements = Array.Empty<object>(),
            criteria = new[]
            {
                new
                {
                    code = "K1", titleNl = "Visie", titleEn = "Vision", descriptionNl = "Uw visie", descriptionEn = "Your vision", weightPercent = 100,
                    scaleMin = 0, scaleMax = 10, minimumScore = (int?)null,
                    descriptors = new[] { new { score = 0, textNl = "geen visie", textEn = "no vision" }, new { score = 10, textNl = "uitstekend", textEn = "excellent" } },
                },
            },
        })).IsSuccessStatusCode);

        var saved = await PortalPostAsync(world, "SaveCriterion", new()
        {
            ["Criterion.Code"] = "K1", ["Criterion.TitleNl"] = "Visie", ["Criterion.TitleEn"] = "Vision", ["Criterion.DescriptionNl"] = "Uw visie",
            ["Criterion.WeightPercent"] = "90", ["Criterion.ScaleMin"] = "0", ["Criterion.ScaleMax"] = "10",
            ["Criterion.Descriptors"] = "0: geen visie\n5: redelijk\n10: uitstekend",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var criterion = (await world.Procurement.GetJsonAsync(url))["criteria"]![0]!;
        Assert.Equal(90, criterion["weightPercent"]!.GetValue<int>());
        Assert.Equal("Your vision", criterion["descriptionEn"]!.GetValue<string>());
        Assert.Equal(["no vision", null, "excellent"], criterion["descriptors"]!.AsArray().Select(d => d!["textEn"]?.GetValue<string>()));
        var audit = _app.Events(Guid.Parse(world.Tender), "guideline.saved").Select(e => e.PayloadJson).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains("excellent", audit[0]);
        Assert.Contains("redelijk", audit[1]);
        Assert.Contains("excellent", audit[1]);
        Assert.Contains("Your vision", audit[1]);
    }

    private async Task<HttpResponseMessage> PortalPostAsync(QaWorld world, string handler, Dictionary<string, string> fields)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = world.Procurement.DefaultRequestHeaders.Authorization;
        return await Authorization.MatrixWorld.PostFormAsync(client, $"/tenders/{world.Tender}/selectieleidraad?handler={handler}", fields);
    }

    public void Dispose() => _app.Dispose();
}
