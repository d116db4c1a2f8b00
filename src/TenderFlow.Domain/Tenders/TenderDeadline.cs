namespace TenderFlow.Domain.Tenders;

public sealed class TenderDeadline
{
    public Guid TenderId { get; init; }
    public required string Key { get; init; }
    public DateTime? DueAtUtc { get; set; }
}
