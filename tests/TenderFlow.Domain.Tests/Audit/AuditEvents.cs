using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.Audit;

/// <summary>Builds correctly chained audit events, and altered copies of them, for the audit tests.</summary>
public static class AuditEvents
{
    public static readonly Guid TenderId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    public static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>();
        var previous = AuditCanonicalForm.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var e = Sealed(new AuditEvent
            {
                Sequence = i,
                OccurredAtUtc = new DateTime(2027, 3, 10, 13, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                ActorId = i % 2 == 0 ? "system:scheduler" : "user:inkoper",
                ActorRole = i % 2 == 0 ? "System" : "Procurement",
                TenderId = i == 1 ? null : TenderId,
                Action = i == 1 ? "definition.loaded" : "tender.trigger.fired",
                Subject = i == 1 ? "definition/sas-dialogue/1" : $"tender/{TenderId}",
                PayloadJson = $$"""{"step":{{i}},"reason":"Stap {{i}} – geen bezwaren"}""",
                PreviousHash = previous,
                Hash = "",
            });
            events.Add(e);
            previous = e.Hash;
        }
        return events;
    }

    /// <summary>A copy with the hash recomputed over its (possibly changed) content.</summary>
    public static AuditEvent Sealed(AuditEvent e) => Copy(e, hash: AuditCanonicalForm.ComputeHash(e));

    public static AuditEvent Copy(
        AuditEvent e, long? sequence = null, DateTime? occurredAtUtc = null, string? actorId = null, string? actorRole = null,
        Guid? tenderId = null, bool clearTenderId = false, string? action = null, string? subject = null, string? payloadJson = null,
        string? previousHash = null, string? hash = null) =>
        new()
        {
            Sequence = sequence ?? e.Sequence,
            OccurredAtUtc = occurredAtUtc ?? e.OccurredAtUtc,
            ActorId = actorId ?? e.ActorId,
            ActorRole = actorRole ?? e.ActorRole,
            TenderId = clearTenderId ? null : tenderId ?? e.TenderId,
            Action = action ?? e.Action,
            Subject = subject ?? e.Subject,
            PayloadJson = payloadJson ?? e.PayloadJson,
            PreviousHash = previousHash ?? e.PreviousHash,
            Hash = hash ?? e.Hash,
        };
}
