namespace TenderFlow.Web.Data;

/// <summary>The exact definition text a tender started on, stored once per content hash.</summary>
public sealed class DefinitionSnapshot
{
    public required string Hash { get; init; }
    public required string DefinitionId { get; init; }
    public int Version { get; init; }
    public required string Json { get; init; }
    public DateTime StoredAtUtc { get; init; }
}
