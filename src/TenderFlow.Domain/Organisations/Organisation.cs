namespace TenderFlow.Domain.Organisations;

/// <summary>A care provider (or other bidder) with one or more users; may lead or join a consortium.</summary>
public sealed class Organisation
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 200;
    public const int MaxCityLength = 100;

    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string KvkNumber { get; set; }
    public required string Address { get; set; }
    public required string PostalCode { get; set; }
    public required string City { get; set; }
}
