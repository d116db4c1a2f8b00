using TenderFlow.Domain.Audit;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Audit;

/// <summary>Writes audit events that are not part of a tender step (log-ins, role changes) in their own transaction.</summary>
public sealed class AuditWriter(TenderFlowDbContext db, AuditTrail trail)
{
    public async Task WriteAsync(string actorId, string actorRole, Guid? tenderId, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await trail.AppendAsync(db, actorId, actorRole, tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
