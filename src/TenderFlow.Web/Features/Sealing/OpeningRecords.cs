using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Sealing;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Sealing;

/// <summary>
/// Builds the proces-verbaal of a completed opening from its inputs: once when the opening completes (the PDF that is kept),
/// and again for the page. After the deadline a vault's content cannot change, so both say the same.
/// </summary>
public sealed class OpeningRecords(TenderFlowDbContext db)
{
    public async Task<PdfReport> BuildAsync(Tender tender, ISealedVault vault, VaultOpening opening, CancellationToken cancellationToken)
    {
        var entries = await vault.ContentsAsync(db, tender.Id, cancellationToken);
        var ids = new[] { opening.FirstUserId, opening.SecondUserId }.OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return OpeningRecord.Build(tender, vault.Name,
            names.GetValueOrDefault(opening.FirstUserId, opening.FirstUserId), opening.FirstRecordedAtUtc,
            names.GetValueOrDefault(opening.SecondUserId!, opening.SecondUserId!), opening.CompletedAtUtc!.Value,
            tender.Deadline(vault.DeadlineKey)!.DueAtUtc!.Value, entries);
    }
}
