using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Documents;

/// <summary>Where an upload belongs: tender, owner (e.g. <c>application/{id}</c>), kind (e.g. <c>selection.vision</c>) and uploading organisation.</summary>
public sealed record DocumentTarget(Guid TenderId, string Owner, string Kind, Guid? OrganisationId);

/// <summary>An upload that passed every check and waits in staging for the caller's transaction.</summary>
public sealed record StagedDocument(StagedFile File, DocumentFormat Format, string FileName) : IDisposable
{
    public void Dispose() => File.Dispose();
}

/// <summary>What the uploader is shown and keeps: the server's time, the size and the SHA-256 of exactly what arrived.</summary>
public sealed record DocumentReceipt(Guid DocumentId, string Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime ReceivedAtUtc, int Version)
{
    public static DocumentReceipt From(DocumentRecord d) => new(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAtUtc, d.Version);
}

/// <summary>
/// Checks an incoming file (name, size, content type by signature) while streaming it to staging, and records it as
/// the next version of its owner's document of that kind inside the caller's transaction.
/// </summary>
public sealed class DocumentIntake(ContentStore store, IOptions<DocumentOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<(StagedDocument? Staged, RuleViolation? Violation)> StageAsync(Stream content, string? suppliedName, CancellationToken cancellationToken)
    {
        if (DocumentFileName.LooksLikeTraversal(suppliedName))
        {
            return (null, DocumentRules.UnsafeFileName());
        }
        var file = await store.StageAsync(content, MaxBytes, cancellationToken);
        if (file.TooLarge)
        {
            return (null, DocumentRules.TooLarge(MaxBytes));
        }
        if (file.Size == 0)
        {
            file.Dispose();
            return (null, DocumentRules.Empty());
        }
        var format = DocumentFormat.Detect(file.Path!);
        if (format is null)
        {
            file.Dispose();
            return (null, DocumentRules.UnsupportedType());
        }
        var extension = Path.GetExtension(suppliedName ?? "");
        if (extension.Length > 0 && !extension.Equals(format.Extension, StringComparison.OrdinalIgnoreCase))
        {
            file.Dispose();
            return (null, DocumentRules.ExtensionMismatch(extension, format));
        }
        return (new StagedDocument(file, format, DocumentFileName.Sanitise(suppliedName, format)), null);
    }

    /// <summary>
    /// Call inside the caller's transaction: moves the bytes to the store and adds the record, superseding the current
    /// version of the same owner and kind (kept as history). Returns the audit record the caller appends; with
    /// <paramref name="nameInTrail"/> false it leaves out the file name, for documents whose name is itself confidential
    /// (the caller's own event, withheld from those outside, carries it). <paramref name="atUtc"/>: the moment the caller
    /// judged the upload on time, so the receipt shows that moment and not a later reading of the clock.
    /// </summary>
    public async Task<(DocumentRecord Record, AuditRecord Audit)> RecordAsync(
        TenderFlowDbContext db, StagedDocument staged, DocumentTarget target, string userId, CancellationToken cancellationToken, bool nameInTrail = true,
        DateTime? atUtc = null)
    {
        var now = atUtc ?? clock.GetUtcNow().UtcDateTime;
        var previous = await db.Documents
            .Where(d => d.TenderId == target.TenderId && d.Owner == target.Owner && d.Kind == target.Kind)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        var record = new DocumentRecord
        {
            Id = Guid.NewGuid(),
            TenderId = target.TenderId,
            Kind = target.Kind,
            Owner = target.Owner,
            OrganisationId = target.OrganisationId,
            FileName = staged.FileName,
            ContentType = staged.Format.ContentType,
            SizeBytes = staged.File.Size,
            Sha256 = staged.File.Sha256,
            UploadedAtUtc = now,
            UploadedByUserId = userId,
            Version = (previous?.Version ?? 0) + 1,
        };
        if (previous is { SupersededAtUtc: null })
        {
            previous.SupersededAtUtc = now;
            previous.SupersededById = record.Id;
        }
        store.Commit(staged.File);
        db.Documents.Add(record);
        return (record, new AuditRecord("document.uploaded", $"document/{record.Id}", new
        {
            kind = record.Kind, owner = record.Owner, fileName = nameInTrail ? record.FileName : null, sizeBytes = record.SizeBytes,
            sha256 = record.Sha256, version = record.Version, supersedes = previous?.Id,
        }));
    }

    /// <summary>Records a document the application generated (proces-verbaal, letter, NvI) inside the caller's transaction.</summary>
    public async Task<(DocumentRecord Record, AuditRecord Audit)> RecordGeneratedAsync(
        TenderFlowDbContext db, Stream content, string fileName, DocumentFormat format, DocumentTarget target, string userId, CancellationToken cancellationToken)
    {
        var file = await store.StageAsync(content, long.MaxValue, cancellationToken);
        using var staged = new StagedDocument(file, format, DocumentFileName.Sanitise(fileName, format));
        return await RecordAsync(db, staged, target, userId, cancellationToken);
    }
}
