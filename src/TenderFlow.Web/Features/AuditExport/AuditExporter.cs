using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.AuditExport;

/// <summary>A written package: the file (deleted when the stream closes), its download name and the manifest's hash.</summary>
public sealed record ExportedPackage(FileStream File, string FileName, string ManifestSha256);

/// <summary>
/// Builds a tender's signed audit package. In one read transaction (a WAL snapshot: the chain may grow meanwhile, the
/// package does not see it): reads the range from the tender's first event to the head, checks the whole chain and writes
/// the tar. Then, in a write transaction of its own, appends <c>audit.exported</c> naming the manifest's SHA-256 and the
/// range (after the range; other events may come between). Writing the package can take as long as copying the
/// documents, and holding the write lock for it made every other write wait, then fail.
/// </summary>
public sealed class AuditExporter(TenderFlowDbContext db, AuditTrail trail, ExportDocumentContent content, ContentStore store,
    AuditExportSigningKey signingKey, DataDirectory data, TimeProvider clock)
{
    public const string ExportedAction = "audit.exported";

    public async Task<ExportedPackage> ExportAsync(Tender tender, Actor actor, bool includeDocuments, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.OpenConnectionAsync(ct);
        var snapshot = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        await using var reading = snapshot.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(reading, ct);
        var first = await db.AuditEvents.AsNoTracking().Where(e => e.TenderId == tender.Id).MinAsync(e => (long?)e.Sequence, ct)
            ?? throw new InvalidOperationException($"Tender {tender.Id} has no audit events.");
        var last = await db.AuditEvents.AsNoTracking().MaxAsync(e => e.Sequence, ct);

        var visibility = await AuditVisibility.ForAsync(db, actor.Roles.Contains(Roles.Legal), actor.Roles.Contains(Roles.Procurement), [tender.Id], ct);
        var events = new ArrayBufferWriter<byte>(64 * 1024);
        long count = 0, own = 0, redacted = 0;
        string previousHash = AuditCanonicalForm.GenesisHash, head = AuditCanonicalForm.GenesisHash;
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.Sequence >= first && e.Sequence <= last).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (count++ == 0)
            {
                previousHash = e.PreviousHash;
            }
            if (e.TenderId == tender.Id && visibility.HidesActor(e))
            {
                own++;
                redacted++;
                ExportEventLine.WriteRedacted(events, visibility.Apply(e), AuditVisibility.RevealsApplicant(e) ? ExportEventContent.SealedApplicantReason : ExportEventContent.Reason);
            }
            else if (e.TenderId == tender.Id && ExportEventContent.WithheldReason(e) is { } reason)
            {
                own++;
                redacted++;
                ExportEventLine.WriteRedacted(events, e, reason);
            }
            else if (e.TenderId == tender.Id)
            {
                own++;
                ExportEventLine.WriteFull(events, e);
            }
            else
            {
                ExportEventLine.WriteStub(events, e.Sequence, e.PreviousHash, e.Hash);
            }
            head = e.Hash;
        }

        var chain = AuditChainReader.Verify(data.ConnectionString);
        var server = new ExportServerVerification(chain.Intact, chain.EventCount, chain.HeadHash, chain.BrokenAtSequence, chain.Problem, count, head, now);

        var entries = new List<PackageEntry>
        {
            PackageEntry.FromBytes(AuditExportFormat.Events, events.WrittenSpan.ToArray()),
        };
        var (documentEntries, documentsJsonl) = await DocumentsAsync(tender.Id, includeDocuments, actor.Roles.Contains(Roles.Legal), ct);
        entries.Add(PackageEntry.FromBytes(AuditExportFormat.Documents, documentsJsonl));
        var definitions = new List<ExportDefinition>();
        var pinned = await db.DefinitionSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Hash == tender.DefinitionHash, ct);
        if (pinned is not null)
        {
            var path = AuditExportFormat.DefinitionPath(pinned.DefinitionId, pinned.Version);
            entries.Add(PackageEntry.FromBytes(path, Encoding.UTF8.GetBytes(pinned.Json)));
            definitions.Add(new ExportDefinition(pinned.DefinitionId, pinned.Version, pinned.Hash, path));
        }
        entries.Add(PackageEntry.FromBytes(AuditExportFormat.Verification, JsonSerializer.SerializeToUtf8Bytes(server, AuditExportFormat.Json)));
        entries.AddRange(documentEntries);

        var role = new[] { Roles.Legal, Roles.Procurement, Roles.Admin }.FirstOrDefault(actor.Roles.Contains) ?? actor.Roles.FirstOrDefault() ?? "";
        var name = await db.Users.AsNoTracking().Where(u => u.Id == actor.Id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? actor.DisplayName;
        var manifest = new ExportManifest(AuditExportFormat.FormatId, new ExportTender(tender.Id, tender.Reference, tender.Title), now,
            new ExportActor(actor.Id, name, role),
            new ExportRange(first, last, previousHash, head, count, own, count - own, redacted),
            definitions, includeDocuments, entries.Select(e => e.ToManifest()).ToList());

        var folder = Path.Combine(data.Path, "exports");
        Directory.CreateDirectory(folder);
        var file = new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.tar"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var manifestBytes = await AuditExportPackage.WriteAsync(file, manifest, entries, signingKey.Key, ct);
            var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
            await reading.CommitAsync(ct);
            await db.Database.UseTransactionAsync(null, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await trail.AppendAsync(db, actor.Id, role, tender.Id,
            [
                new AuditRecord(ExportedAction, $"tender/{tender.Id:D}", new
                {
                    manifestSha256 = manifestSha, firstSequence = first, lastSequence = last, headHash = head,
                    documentsIncluded = includeDocuments, keyFingerprint = signingKey.Fingerprint,
                }),
            ], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            file.Position = 0;
            return new ExportedPackage(file, $"{SafeReference(tender.Reference)}-audit-{now:yyyyMMdd'T'HHmmss'Z'}.tar", manifestSha);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every document of the tender with its hash. For an exporter other than Legal, a document sealed in an unopened vault
    /// goes without its file name and with its owner cut back to the application or submission (both can name the bidder,
    /// as the audit events' sealed applicant does), and a dialogue document without its file name (which can tell what
    /// was negotiated).
    /// </summary>
    private async Task<(List<PackageEntry> Entries, byte[] Jsonl)> DocumentsAsync(Guid tenderId, bool includeDocuments, bool legal, CancellationToken ct)
    {
        var documents = (await db.Documents.AsNoTracking().Where(d => d.TenderId == tenderId).ToListAsync(ct))
            .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id).ToList();
        var sealedUnopened = await content.UnopenedAsync(tenderId, ct);
        var entries = new List<PackageEntry>();
        var jsonl = new StringBuilder();
        foreach (var d in documents)
        {
            var withheld = ExportDocumentContent.WithheldReason(d, includeDocuments, sealedUnopened);
            var path = withheld is null ? AuditExportFormat.DocumentPath(d.Id, d.FileName) : null;
            if (path is not null)
            {
                var sha = d.Sha256;
                entries.Add(new PackageEntry(path, sha, d.SizeBytes, () => store.OpenRead(sha)));
            }
            var sealedName = !legal && sealedUnopened.SealedIn(d) is not null;
            var hiddenName = sealedName || (!legal && d.Kind.StartsWith("dialogue.", StringComparison.Ordinal));
            var owner = sealedName ? string.Join('/', d.Owner.Split('/').Take(2)) : d.Owner;
            var line = new ExportDocument(d.Id, d.Kind, owner, d.Version, hiddenName ? null : d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAtUtc,
                d.SupersededAtUtc is not null, withheld is null ? AuditExportFormat.ContentIncluded : AuditExportFormat.ContentWithheld, path, withheld);
            jsonl.Append(JsonSerializer.Serialize(line, AuditExportFormat.JsonLine)).Append('\n');
        }
        return (entries, Encoding.UTF8.GetBytes(jsonl.ToString()));
    }

    private static string SafeReference(string reference)
    {
        var safe = new string(reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('.', '-');
        return safe.Length == 0 ? "tender" : safe;
    }
}
