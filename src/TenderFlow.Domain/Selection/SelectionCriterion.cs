namespace TenderFlow.Domain.Selection;

/// <summary>A weighted criterion on which the vision is scored, on the tender's scale, with a descriptor per score.</summary>
public sealed class SelectionCriterion
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary>Short code shown everywhere, e.g. <c>K1</c>.</summary>
    public required string Code { get; set; }
    public required string TitleNl { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionNl { get; set; }
    public string? DescriptionEn { get; set; }

    /// <summary>Weight in percent; the weights of a tender's criteria add up to 100.</summary>
    public int WeightPercent { get; set; }
    public int ScaleMin { get; set; }
    public int ScaleMax { get; set; }

    /// <summary>A consensus score below this makes the candidate unsuitable on this criterion; null when there is no minimum.</summary>
    public int? MinimumScore { get; set; }
    public int Order { get; set; }
    public List<ScaleDescriptor> Descriptors { get; init; } = [];
}

/// <summary>What a score on the scale means, e.g. 0 = "geen visie", 10 = "excellent".</summary>
public sealed class ScaleDescriptor
{
    public int Score { get; set; }
    public required string TextNl { get; set; }
    public string? TextEn { get; set; }
}
