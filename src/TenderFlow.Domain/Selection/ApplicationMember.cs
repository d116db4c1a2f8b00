namespace TenderFlow.Domain.Selection;

/// <summary>The role of an organisation in a consortium; the form of the consortium is free (DOMAIN.md, phase 3).</summary>
public enum ConsortiumRole
{
    CombinationPartner,
    MainContractor,
    Subcontractor,
}

/// <summary>
/// An organisation in an application (the lead included). Every member provides its own integrity evidence: a
/// Gedragsverklaring Aanbesteden (document kind <c>selection.gva</c>, issue date here) and a Bibob questionnaire
/// (<c>selection.bibob</c>), stored under the owner <see cref="ApplicationOwners.Member"/>.
/// </summary>
public sealed class ApplicationMember
{
    public Guid ApplicationId { get; init; }
    public Guid OrganisationId { get; init; }
    public bool IsLead { get; set; }
    public ConsortiumRole Role { get; set; }

    /// <summary>Issue date of the member's Gedragsverklaring Aanbesteden; valid for <see cref="GvaValidity.Years"/> years.</summary>
    public DateOnly? GvaIssuedOn { get; set; }
}
