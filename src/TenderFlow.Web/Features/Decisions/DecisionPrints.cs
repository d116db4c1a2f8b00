using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Decisions;

public sealed record PrintedRecord(byte[] Bytes, string FileName);

/// <summary>
/// Prints records. A generated record leaves the system as a legal document, so printing it appends one
/// <c>record.printed</c> event (what, the PDF's SHA-256, the chain head it reports) in its own transaction: who handed
/// out which version stays traceable. The proces-verbaal of an opening is the document stored when the vault was opened
/// (its hash is in the <c>vault.opened</c> event); it is served as is, through the audited document read.
/// </summary>
public sealed class DecisionPrints(TenderFlowDbContext db, DecisionDossiers dossiers, ProcedureReports procedure, DocumentReads reads, ContentStore store,
    AuditTrail audit, TimeProvider clock)
{
    public const string PrintedAction = "record.printed";

    public async Task<PrintedRecord?> DecisionAsync(Tender tender, string key, ClaimsPrincipal user, string language, CancellationToken ct)
    {
        var decisions = await dossiers.BuildAsync(tender, ct);
        if (decisions.Find(key) is not { } decision)
        {
            return null;
        }
        if (decision.Kind == DecisionKinds.Opening && decision.Documents.FirstOrDefault(d => d.Kind == Sealing.VaultOpenings.RecordKind) is { } stored
            && await reads.AuthoriseAsync(stored.Id, user, ct) is { } document)
        {
            await using var content = store.OpenRead(document.Sha256);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, ct);
            return new PrintedRecord(copy.ToArray(), document.FileName);
        }
        var report = DecisionRecords.Decision(decisions, decision, language);
        var name = $"{(language == "en" ? "decision" : "besluit")}-{decision.Key}-{tender.Reference}.pdf";
        return await PrintAsync(tender, user, report, name, new { record = "decision", key, language }, null, ct);
    }

    public async Task<PrintedRecord> ProcedureReportAsync(Tender tender, ClaimsPrincipal user, string language, CancellationToken ct)
    {
        var name = $"{(language == "en" ? "procedure-report" : "procesverslag")}-{tender.Reference}.pdf";
        return (await PrintAsync(tender, user, null, name, new { record = "procedure-report", language },
            head => procedure.BuildAsync(tender, head, language, ct), ct))!;
    }

    /// <summary>Inside one write transaction, so the chain head the report names is the one the printed event follows.</summary>
    private async Task<PrintedRecord> PrintAsync(Tender tender, ClaimsPrincipal user, PdfReport? report, string fileName, object what,
        Func<AuditEvent?, Task<PdfReport>>? build, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        report ??= await build!(head);
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = PdfRenderer.Render(report, now);
        var actor = user.ToActor();
        await audit.AppendAsync(db, actor.Id, actor.FirstRoleIn([Domain.Workflow.Roles.Legal, Domain.Workflow.Roles.Procurement, Domain.Workflow.Roles.Admin]) ?? "", tender.Id,
        [
            new AuditRecord(PrintedAction, $"tender/{tender.Id}/record", new
            {
                what, fileName, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), sizeBytes = bytes.Length,
                chainHeadSequence = head?.Sequence, chainHeadHash = head?.Hash,
            }),
        ], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PrintedRecord(bytes, fileName);
    }
}
