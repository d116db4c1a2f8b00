namespace TenderFlow.Domain.Selection;

/// <summary>A knock-out experience requirement of the selection guideline (pass/fail per candidate, with motivation).</summary>
public sealed class SelectionRequirement
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary>Short code shown everywhere, e.g. <c>G1</c>.</summary>
    public required string Code { get; set; }
    public required string TextNl { get; set; }
    public string? TextEn { get; set; }
    public int Order { get; set; }
}
