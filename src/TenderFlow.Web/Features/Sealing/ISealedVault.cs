using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Sealing;

/// <summary>
/// A sealed vault a feature owns (selection applications now, tender submissions later): its name, the deadline after
/// which it may be opened, the phase capability that allows opening, and what lies in it for the proces-verbaal.
/// </summary>
public interface ISealedVault
{
    string Name { get; }
    string DeadlineKey { get; }
    string Capability { get; }

    /// <summary>
    /// Every document whose owner starts with this belongs to the vault until it is opened, whatever its state (draft,
    /// withdrawn, replaced): what <see cref="ContentsAsync"/> lists is only what the proces-verbaal fixes.
    /// </summary>
    string OwnerPrefix { get; }

    Task<IReadOnlyList<SealedEntry>> ContentsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken);
}

/// <summary>One sealed item (an application, a submission) as the proces-verbaal lists it.</summary>
public sealed record SealedEntry(Guid Id, string Name, DateTime SubmittedAtUtc, IReadOnlyList<SealedDocument> Documents);

public sealed record SealedDocument(Guid DocumentId, string FileName, string Kind, long SizeBytes, string Sha256, DateTime UploadedAtUtc);
