using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// Re-plans every open tender's next deadline-job moment (each in its own transaction), wakes those due soon and runs,
/// once, every job whose moment passed.
/// </summary>
public sealed class DeadlineReconciliation(TenderFlowDbContext db, DefinitionCatalog catalog, DeadlineSchedule schedule, DeadlineJobRunner runner)
{
    public async Task<(int Planned, int Ran)> RunAsync(CancellationToken cancellationToken)
    {
        var open = await db.Tenders.AsNoTracking().Where(t => t.ClosedAtUtc == null).Select(t => t.Id).ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var id in open)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tender = await db.Tenders.SingleAsync(t => t.Id == id, cancellationToken);
            var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
            await schedule.SyncAsync(tender, definition, cancellationToken);
            if (db.ChangeTracker.HasChanges())
            {
                planned++;
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        await schedule.WakeDueSoonAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (planned, await runner.RunOverdueAsync(cancellationToken));
    }
}
