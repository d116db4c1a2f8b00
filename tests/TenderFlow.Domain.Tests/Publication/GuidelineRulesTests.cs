using TenderFlow.Domain.Publication;

namespace TenderFlow.Domain.Tests.Publication;

public sealed class GuidelineRulesTests
{
    private static CriterionInput Criterion(string code = "K1", int weight = 100, int min = 0, int max = 10, int? minimum = null, params DescriptorInput[] descriptors) =>
        new(code, "Visie", null, null, null, weight, min, max, minimum, descriptors);

    private static GuidelineInput With(params CriterionInput[] criteria) => new([new("G1", "Ervaring met drie vormen van Wmo-begeleiding", null)], criteria);

    [Fact]
    public void A_complete_guideline_with_weights_of_100_is_publishable() =>
        Assert.Null(GuidelineRules.CheckPublishable(With(Criterion("K1", 60, descriptors: new DescriptorInput(0, "geen", null)), Criterion("K2", 40, minimum: 10))));

    [Theory]
    [InlineData(99)]
    [InlineData(101)]
    public void Weights_that_do_not_add_up_to_100_may_be_saved_but_not_published(int total)
    {
        var input = With(Criterion("K1", 50), Criterion("K2", total - 50));
        Assert.Null(GuidelineRules.CheckDraft(input));
        Assert.Equal("WeightsMustTotal100Rule", GuidelineRules.CheckPublishable(input)!.Rule);
    }

    [Theory]
    [InlineData(0, 10, null, 10, null)]
    [InlineData(5, 5, null, null, "ScaleRangeRule")]
    [InlineData(6, 5, null, null, "ScaleRangeRule")]
    [InlineData(-1, 5, null, null, "ScaleRangeRule")]
    [InlineData(0, 10, 11, null, "MinimumScoreOutsideScaleRule")]
    [InlineData(1, 10, 0, null, "MinimumScoreOutsideScaleRule")]
    [InlineData(0, 10, null, 11, "DescriptorOutsideScaleRule")]
    [InlineData(1, 10, null, 0, "DescriptorOutsideScaleRule")]
    public void Scales_minimums_and_descriptors_stay_within_bounds(int min, int max, int? minimum, int? descriptor, string? rule)
    {
        var descriptors = descriptor is { } score ? new[] { new DescriptorInput(score, "omschrijving", null) } : [];
        Assert.Equal(rule, GuidelineRules.CheckDraft(With(Criterion(min: min, max: max, minimum: minimum, descriptors: descriptors)))?.Rule);
    }

    [Fact]
    public void Codes_are_unique_across_requirements_and_criteria_ignoring_case()
    {
        Assert.Equal("DuplicateGuidelineCodeRule", GuidelineRules.CheckDraft(With(Criterion("g1")))!.Rule);
        Assert.Equal("DuplicateGuidelineCodeRule", GuidelineRules.CheckDraft(With(Criterion("K1", 50), Criterion("k1", 50)))!.Rule);
    }

    [Fact]
    public void A_score_is_described_once() =>
        Assert.Equal("DuplicateDescriptorRule", GuidelineRules.CheckDraft(With(Criterion(descriptors: [new(5, "a", null), new(5, "b", null)])))!.Rule);

    [Fact]
    public void Empty_codes_and_texts_are_refused()
    {
        Assert.Equal("GuidelineCodeRequiredRule", GuidelineRules.CheckDraft(With(Criterion(" ")))!.Rule);
        Assert.Equal("GuidelineTextRequiredRule", GuidelineRules.CheckDraft(new([new("G1", " ", null)], []))!.Rule);
    }

    // Candidates read the guideline as published: invisible-only text is no text, control and direction characters are refused.
    [Fact]
    public void Invisible_or_unreadable_codes_and_texts_are_refused_at_their_field()
    {
        Assert.Equal(("GuidelineCodeRequiredRule", "criteria[0].code"), Refusal(With(Criterion("\u200b"))));
        Assert.Equal(("GuidelineTextRequiredRule", "requirements[0].textNl"), Refusal(new([new("G1", "\u2060\uFEFF", null)], [])));
        Assert.Equal(("UnreadableTextRule", "requirements[0].textEn"), Refusal(new([new("G1", "Ervaring", "Experience \u202Ewith\u202C care")], [])));
        Assert.Equal(("GuidelineTextRequiredRule", "criteria[0].titleNl"), Refusal(With(new CriterionInput("K1", "\u200b", null, null, null, 100, 0, 10, null, null))));
        Assert.Equal(("UnreadableTextRule", "criteria[0].titleNl"), Refusal(With(new CriterionInput("K1", "Visie\nen aanpak", null, null, null, 100, 0, 10, null, null))));
        Assert.Equal(("UnreadableTextRule", "criteria[0].descriptionNl"), Refusal(With(new CriterionInput("K1", "Visie", null, "Beschrijf\u0000de aanpak", null, 100, 0, 10, null, null))));
        Assert.Equal(("GuidelineTextRequiredRule", "criteria[0].descriptors"), Refusal(With(Criterion(descriptors: new DescriptorInput(5, "\u200b", null)))));
        Assert.Equal(("UnreadableTextRule", "criteria[0].descriptors"), Refusal(With(Criterion(descriptors: new DescriptorInput(5, "Ruim \u202Evoldoende", null)))));
        Assert.Null(GuidelineRules.CheckDraft(With(new CriterionInput("K1", "Visie", null, "Beschrijf:\n- de aanpak\n- de wijken", null, 100, 0, 10, null, null))));
    }

    private static (string?, string?) Refusal(GuidelineInput input) => GuidelineRules.CheckDraft(input) is { } v ? (v.Rule, v.Field) : (null, null);

    [Fact]
    public void An_empty_guideline_is_a_valid_draft_but_not_publishable()
    {
        Assert.Null(GuidelineRules.CheckDraft(new(null, null)));
        Assert.Equal("GuidelineIncompleteRule", GuidelineRules.CheckPublishable(new(null, null))!.Rule);
    }

    [Fact]
    public void Texts_longer_than_the_database_holds_are_refused()
    {
        Assert.Equal("GuidelineTextTooLongRule", GuidelineRules.CheckDraft(new([new("G1", new string('x', 4001), null)], []))!.Rule);
        Assert.Equal("GuidelineTextTooLongRule", GuidelineRules.CheckDraft(With(Criterion() with { TitleNl = new string('x', 301) }))!.Rule);
    }
}
