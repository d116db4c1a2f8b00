namespace TenderFlow.Domain.Documents;

/// <summary>
/// One uploaded (or generated) file version. The bytes live in the content-addressed store under <see cref="Sha256"/>;
/// this row says whose it is and what it is. Versions of the same <see cref="Owner"/> + <see cref="Kind"/> form a
/// history: a newer upload supersedes the previous one, which is kept (never deleted).
/// </summary>
public sealed class DocumentRecord
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary>What the document is, prefixed by the feature that owns it, e.g. <c>selection.vision</c>, <c>consultation.report</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The thing it belongs to, e.g. <c>application/{id}</c>, <c>session/{id}</c>, <c>tender/{id}</c>.</summary>
    public required string Owner { get; init; }

    /// <summary>The uploading organisation (bidders); null for documents of the contracting authority.</summary>
    public Guid? OrganisationId { get; init; }

    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public DateTime UploadedAtUtc { get; init; }
    public required string UploadedByUserId { get; init; }
    public int Version { get; init; }
    public DateTime? SupersededAtUtc { get; set; }
    public Guid? SupersededById { get; set; }

    public bool IsCurrent => SupersededAtUtc is null;
}
