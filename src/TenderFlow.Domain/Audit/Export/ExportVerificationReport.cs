namespace TenderFlow.Domain.Audit.Export;

/// <summary>A broken link of the exported chain: the event and what is wrong with it.</summary>
public sealed record ChainBreak(long Sequence, string Problem);

/// <summary>What the offline check of a package found. <see cref="Problems"/> lists everything; <see cref="FirstBreak"/> is the lowest broken event.</summary>
public sealed record ExportVerificationReport(
    IReadOnlyList<string> Problems,
    ChainBreak? FirstBreak,
    long EventCount,
    long TenderEventCount,
    long WithheldEventCount,
    string? HeadHash,
    string? Fingerprint,
    ExportManifest? Manifest,
    ExportServerVerification? Server)
{
    /// <summary>Events of the tender shown without their payload (confidential content): link-checked, not content-checked.</summary>
    public long PayloadWithheldCount { get; init; }

    public bool Ok => Problems.Count == 0;

    public IEnumerable<string> Lines()
    {
        if (Ok)
        {
            yield return $"OK: {EventCount} events ({TenderEventCount} of this tender, {WithheldEventCount} withheld), head hash {HeadHash}, signed by key {Fingerprint}";
            if (PayloadWithheldCount > 0)
            {
                yield return $"{PayloadWithheldCount} event(s) of this tender carry confidential content: shown without payload, so only their links were checked";
            }
            if (Manifest is { } m)
            {
                yield return $"Tender {m.Tender.Reference} ({m.Tender.Id:D}), events {m.Range.FirstSequence}..{m.Range.LastSequence}, exported {m.ExportedAtUtc:yyyy-MM-dd'T'HH:mm:ss'Z'} by {m.ExportedBy.Name} ({m.ExportedBy.Role})";
                yield return $"To check that the server's chain still holds this package: audit verify --anchor {new AuditAnchor(m.Range.LastSequence, m.Range.HeadHash)}";
            }
            if (Server is { } s)
            {
                yield return s.ChainIntactFromGenesis
                    ? $"Server check at export: chain intact from genesis, {s.ChainEventCount} events, global head {s.ChainHeadHash}"
                    : $"Server check at export: chain BROKEN at event {s.BrokenAtSequence}: {s.Problem}";
            }
            yield return "Compare the key fingerprint with the one TenderFlow publishes (GET /api/audit/export-key) before trusting the signature.";
            yield break;
        }
        yield return $"FAILED: {Problems.Count} problem(s)";
        if (FirstBreak is { } first)
        {
            yield return $"Chain first broken at event {first.Sequence}: {first.Problem}";
        }
        foreach (var problem in Problems)
        {
            yield return "  - " + problem;
        }
        if (Fingerprint is not null)
        {
            yield return $"Signed by key {Fingerprint}";
        }
    }
}

/// <summary>The file is not a readable tar (or not there): nothing could be checked.</summary>
public sealed class ExportUnreadableException(string message, Exception? inner = null) : Exception(message, inner);
