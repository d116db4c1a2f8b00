namespace TenderFlow.Domain.Publication;

/// <summary>
/// The moment Procurement declared the selection guideline (requirements and criteria) complete and published.
/// One row per tender; it exists only when the guideline passed <see cref="GuidelineRules.CheckPublishable"/>.
/// </summary>
public sealed class GuidelinePublication
{
    public Guid TenderId { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public required string PublishedByUserId { get; init; }
}
