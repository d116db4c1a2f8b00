namespace TenderFlow.Domain.Publication;

/// <summary>The selection guideline as Procurement writes it: knock-out experience requirements and weighted vision criteria.</summary>
public sealed record GuidelineInput(IReadOnlyList<RequirementInput>? Requirements, IReadOnlyList<CriterionInput>? Criteria);

public sealed record RequirementInput(string? Code, string? TextNl, string? TextEn);

public sealed record CriterionInput(
    string? Code, string? TitleNl, string? TitleEn, string? DescriptionNl, string? DescriptionEn,
    int WeightPercent, int ScaleMin, int ScaleMax, int? MinimumScore, IReadOnlyList<DescriptorInput>? Descriptors);

public sealed record DescriptorInput(int Score, string? TextNl, string? TextEn);
