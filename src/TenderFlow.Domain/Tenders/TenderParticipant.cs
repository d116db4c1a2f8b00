namespace TenderFlow.Domain.Tenders;

/// <summary>An organisation taking part in a tender (candidate, selected participant, consortium member).</summary>
public sealed class TenderParticipant
{
    public Guid TenderId { get; init; }
    public Guid OrganisationId { get; init; }
    public DateTime JoinedAtUtc { get; init; }
}
