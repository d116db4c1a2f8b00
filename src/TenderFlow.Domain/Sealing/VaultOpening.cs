namespace TenderFlow.Domain.Sealing;

/// <summary>
/// The four-eyes opening of a sealed vault (selection applications, later tender submissions): recorded by a first
/// Procurement user and completed by a second, different one. Content may be read only once <see cref="IsComplete"/>.
/// </summary>
public sealed class VaultOpening
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary>Which vault: <c>selection</c> or <c>submission</c>.</summary>
    public required string Vault { get; init; }
    public required string FirstUserId { get; init; }
    public DateTime FirstRecordedAtUtc { get; init; }
    public string? SecondUserId { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>The generated proces-verbaal (a <see cref="Documents.DocumentRecord"/>), once complete.</summary>
    public Guid? RecordDocumentId { get; set; }

    /// <summary>
    /// Set when the procedure went back before this vault (a new submission round after <c>returnToDialogue</c>): the
    /// opening stays on record but no longer opens anything, and the vault can be opened anew.
    /// </summary>
    public DateTime? SupersededAtUtc { get; set; }

    public bool IsComplete => CompletedAtUtc is not null;
}
