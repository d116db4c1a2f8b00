namespace TenderFlow.Domain.Selection;

/// <summary>
/// An experience reference for one knock-out requirement (<see cref="SelectionRequirement"/>): for which client, when,
/// which care forms, at what scale. Any member may have the experience (the capacity of members may be added up).
/// An optional supporting document has kind <c>selection.reference</c> and owner <see cref="ApplicationOwners.Reference"/>.
/// </summary>
public sealed class ApplicationReference
{
    public const int MaxTextLength = 4000;
    public const int MaxShortLength = 300;

    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid RequirementId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Client { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public required string CareForms { get; set; }

    /// <summary>e.g. "120 cliënten per jaar".</summary>
    public required string Scale { get; set; }
    public required string Description { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
