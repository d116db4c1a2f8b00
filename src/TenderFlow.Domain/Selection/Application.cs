namespace TenderFlow.Domain.Selection;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Withdrawn,
}

/// <summary>
/// A candidate's application for selection: one organisation, or a consortium led by <see cref="LeadOrganisationId"/>.
/// Its content is sealed until the application deadline has passed and a four-eyes opening is complete.
/// </summary>
public sealed class Application
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid LeadOrganisationId { get; init; }

    /// <summary>Name under which a consortium applies; null for a single organisation.</summary>
    public string? ConsortiumName { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByUserId { get; init; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public long Revision { get; set; }
    public List<ApplicationMember> Members { get; init; } = [];

    public bool IsConsortium => Members.Count > 1;

    public bool HasMember(Guid organisationId) => Members.Any(m => m.OrganisationId == organisationId);

    /// <summary>Every organisation the application stands for: the lead first, then the members (each once).</summary>
    public IReadOnlyList<Guid> OrganisationIds => Members.Select(m => m.OrganisationId).Prepend(LeadOrganisationId).Distinct().ToList();
}
