namespace TenderFlow.Domain.Selection;

/// <summary>The role of an organisation in a consortium; the form of the consortium is free (DOMAIN.md, phase 3).</summary>
public enum ConsortiumRole
{
    CombinationPartner,
    MainContractor,
    Subcontractor,
}

public sealed class ApplicationMember
{
    public Guid ApplicationId { get; init; }
    public Guid OrganisationId { get; init; }
    public bool IsLead { get; set; }
    public ConsortiumRole Role { get; set; }
}
