using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Sealing;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Sealing;

public enum OpeningState
{
    NotStarted,
    Recorded,
    Complete,
}

public sealed record OpeningStatus(string Vault, OpeningState State, DateTime? DeadlineUtc, bool DeadlinePassed,
    string? FirstUserId, string? FirstUserName, DateTime? RecordedAtUtc, string? SecondUserId, string? SecondUserName, DateTime? CompletedAtUtc,
    Guid? RecordDocumentId, int SealedCount);

/// <summary>
/// The four-eyes opening of a vault: a first Procurement user records it, a second, different one completes it. Both
/// steps need the vault's deadline passed by the server clock (<c>now &gt;= due</c>) and the phase capability. Completion
/// writes the proces-verbaal (audit event listing every document, and a PDF) in the same transaction.
/// </summary>
public sealed class VaultOpenings(TenderFlowDbContext db, IEnumerable<ISealedVault> vaults, DefinitionCatalog catalog, DocumentIntake intake, AuditTrail audit, TimeProvider clock,
    OpeningRecords records)
{
    public const string RecordKind = "sealing.record";

    public ISealedVault? Find(string vault) => vaults.FirstOrDefault(v => v.Name == vault);

    public async Task<OpeningStatus> StatusAsync(Tender tender, ISealedVault vault, CancellationToken cancellationToken)
    {
        var opening = await db.VaultOpenings.AsNoTracking().SingleOrDefaultAsync(o => o.TenderId == tender.Id && o.Vault == vault.Name, cancellationToken);
        var due = tender.Deadline(vault.DeadlineKey)?.DueAtUtc;
        var names = await NamesAsync([opening?.FirstUserId, opening?.SecondUserId], cancellationToken);
        var count = (await vault.ContentsAsync(db, tender.Id, cancellationToken)).Count;
        return new OpeningStatus(vault.Name,
            opening is null ? OpeningState.NotStarted : opening.IsComplete ? OpeningState.Complete : OpeningState.Recorded,
            due, due is { } d && clock.GetUtcNow().UtcDateTime >= d,
            opening?.FirstUserId, opening is null ? null : names.GetValueOrDefault(opening.FirstUserId), opening?.FirstRecordedAtUtc,
            opening?.SecondUserId, opening?.SecondUserId is { } s ? names.GetValueOrDefault(s) : null, opening?.CompletedAtUtc,
            opening?.RecordDocumentId, count);
    }

    public async Task<RuleViolation?> RecordAsync(Guid tenderId, ISealedVault vault, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (await RefuseAsync(tender, vault, cancellationToken) is { } refused)
        {
            return refused;
        }
        var existing = await db.VaultOpenings.SingleOrDefaultAsync(o => o.TenderId == tenderId && o.Vault == vault.Name, cancellationToken);
        if (existing is not null)
        {
            return existing.IsComplete ? OpeningRules.AlreadyComplete() : OpeningRules.AlreadyRecorded();
        }
        var opening = new VaultOpening { Id = Guid.NewGuid(), TenderId = tenderId, Vault = vault.Name, FirstUserId = actor.Id, FirstRecordedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.VaultOpenings.Add(opening);
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("vault.opening.recorded", $"vault/{vault.Name}", new { openingId = opening.Id, vault = vault.Name })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<(DocumentRecord? Record, RuleViolation? Violation)> CompleteAsync(Guid tenderId, ISealedVault vault, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (await RefuseAsync(tender, vault, cancellationToken) is { } refused)
        {
            return (null, refused);
        }
        var opening = await db.VaultOpenings.SingleOrDefaultAsync(o => o.TenderId == tenderId && o.Vault == vault.Name, cancellationToken);
        if (opening is null)
        {
            return (null, OpeningRules.NotRecorded());
        }
        if (opening.IsComplete)
        {
            return (null, OpeningRules.AlreadyComplete());
        }
        if (opening.FirstUserId == actor.Id)
        {
            return (null, OpeningRules.SameOpener());
        }
        var now = clock.GetUtcNow().UtcDateTime;
        opening.SecondUserId = actor.Id;
        opening.CompletedAtUtc = now;
        var entries = await vault.ContentsAsync(db, tenderId, cancellationToken);
        var report = await records.BuildAsync(tender, vault, opening, cancellationToken);
        using var pdf = new MemoryStream(PdfRenderer.Render(report, now));
        var (record, documentAudit) = await intake.RecordGeneratedAsync(db, pdf, $"proces-verbaal-{vault.Name}-{tender.Reference}.pdf", DocumentFormat.Pdf,
            new DocumentTarget(tenderId, $"opening/{opening.Id}", RecordKind, null), actor.Id, cancellationToken);
        opening.RecordDocumentId = record.Id;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
        [
            new AuditRecord("vault.opened", $"vault/{vault.Name}", new
            {
                openingId = opening.Id,
                vault = vault.Name,
                firstUserId = opening.FirstUserId,
                recordedAtUtc = opening.FirstRecordedAtUtc,
                secondUserId = actor.Id,
                completedAtUtc = now,
                record = new { documentId = record.Id, sha256 = record.Sha256 },
                entries = entries.Select(e => new
                {
                    id = e.Id, name = e.Name, submittedAtUtc = e.SubmittedAtUtc,
                    documents = e.Documents.Select(d => new { id = d.DocumentId, fileName = d.FileName, kind = d.Kind, sizeBytes = d.SizeBytes, sha256 = d.Sha256 }),
                }),
            }),
            documentAudit,
        ], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (record, null);
    }

    /// <summary>Deadline first (the rule people meet most), then the phase.</summary>
    private async Task<RuleViolation?> RefuseAsync(Tender tender, ISealedVault vault, CancellationToken cancellationToken)
    {
        var due = tender.Deadline(vault.DeadlineKey)?.DueAtUtc;
        if (due is null || clock.GetUtcNow().UtcDateTime < due.Value)
        {
            return OpeningRules.DeadlineNotPassed(due is { } d ? AmsterdamTime.Format(d) : "—");
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        return definition.Phase(tender.Phase).Capabilities.Contains(vault.Capability) ? null : OpeningRules.NotInThisPhase();
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
