namespace TenderFlow.Domain.Audit.Export;

/// <summary>manifest.json: what the package is and the SHA-256 and length of every other entry (signature.json signs these exact bytes).</summary>
public sealed record ExportManifest(
    string Format,
    ExportTender Tender,
    DateTime ExportedAtUtc,
    ExportActor ExportedBy,
    ExportRange Range,
    IReadOnlyList<ExportDefinition> Definitions,
    bool DocumentsIncluded,
    IReadOnlyList<ExportEntry> Entries);

public sealed record ExportTender(Guid Id, string Reference, string Title);

public sealed record ExportActor(string Id, string Name, string Role);

/// <summary>
/// The stretch of the global chain in events.jsonl: from the tender's first event to the last event before the export.
/// <see cref="PreviousHash"/> is what the first event links to (the hash of the event before the range, or the genesis hash).
/// <see cref="TenderEventCount"/> counts the tender's events, <see cref="PayloadWithheldCount"/> of them without payload;
/// <see cref="WithheldEventCount"/> counts other tenders' stubs.
/// </summary>
public sealed record ExportRange(long FirstSequence, long LastSequence, string PreviousHash, string HeadHash, long EventCount, long TenderEventCount, long WithheldEventCount,
    long PayloadWithheldCount = 0);

public sealed record ExportDefinition(string Id, int Version, string ContentHash, string Path);

public sealed record ExportEntry(string Path, string Sha256, long Length);

/// <summary>One line of documents.jsonl. <see cref="Content"/> is "included" (then <see cref="Path"/> names the entry) or "withheld" with <see cref="WithheldReason"/>.</summary>
public sealed record ExportDocument(
    Guid Id,
    string Kind,
    string Owner,
    int Version,
    string? FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    DateTime UploadedAtUtc,
    bool Superseded,
    string Content,
    string? Path,
    string? WithheldReason);

/// <summary>verification.json: the server's own check when it exported.</summary>
public sealed record ExportServerVerification(
    bool ChainIntactFromGenesis,
    long ChainEventCount,
    string ChainHeadHash,
    long? BrokenAtSequence,
    string? Problem,
    long RangeEventCount,
    string RangeHeadHash,
    DateTime VerifiedAtUtc);

/// <summary>signature.json: ECDSA P-256 over SHA-256 of manifest.json's bytes; signature in IEEE P1363 form (r‖s), key as SubjectPublicKeyInfo.</summary>
public sealed record ExportSignatureFile(
    string Format,
    string Algorithm,
    string SignedEntry,
    string Signature,
    string PublicKey,
    string PublicKeyPem,
    string Fingerprint);
