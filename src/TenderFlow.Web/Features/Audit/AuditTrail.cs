using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Appends events to the hash chain inside the caller's transaction. The head is read in that transaction
/// (SQLite's BEGIN IMMEDIATE serialises writers), so two steps can never chain onto the same predecessor;
/// and the sequence is the primary key, so even if they tried, one insert would fail and roll back.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private sealed record ChainHead(long Sequence, string Hash);

    private static readonly Func<TenderFlowDbContext, CancellationToken, Task<ChainHead?>> Head =
        EF.CompileAsyncQuery((TenderFlowDbContext context, CancellationToken _) =>
            context.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new ChainHead(e.Sequence, e.Hash)).FirstOrDefault());

    public async Task<IReadOnlyList<AuditEvent>> AppendAsync(
        TenderFlowDbContext db, string actorId, string actorRole, Guid? tenderId, IEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        // Events appended earlier in this unit of work are not in the table yet: chain onto the newest of those.
        var pending = db.AuditEvents.Local.Where(e => db.Entry(e).State == EntityState.Added).MaxBy(e => e.Sequence);
        var head = pending is not null ? new ChainHead(pending.Sequence, pending.Hash) : await Head(db, cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditCanonicalForm.GenesisHash;
        var now = clock.GetUtcNow().UtcDateTime;
        var appended = new List<AuditEvent>();
        foreach (var record in records)
        {
            sequence++;
            var payload = JsonSerializer.Serialize(record.Payload, PayloadJson);
            var hash = AuditCanonicalForm.ComputeHash(sequence, now, actorId, actorRole, tenderId, record.Action, record.Subject, payload, previous);
            var e = new AuditEvent
            {
                Sequence = sequence,
                OccurredAtUtc = now,
                ActorId = actorId,
                ActorRole = actorRole,
                TenderId = tenderId,
                Action = record.Action,
                Subject = record.Subject,
                PayloadJson = payload,
                PreviousHash = previous,
                Hash = hash,
            };
            db.AuditEvents.Add(e);
            appended.Add(e);
            previous = hash;
        }
        return appended;
    }
}
