namespace TenderFlow.Domain.Audit;

/// <summary>What happened, before it gets its place (sequence, time, hashes) in the chain.</summary>
public sealed record AuditRecord(string Action, string Subject, object Payload);
