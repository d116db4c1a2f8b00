using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Tenders;

public sealed record StepReport(Tender? Tender, StepOutcome? Outcome, RuleViolation? Violation);

/// <summary>
/// The one place where a tender changes: one database transaction per step holding the role check, guards,
/// phase change, entry actions and audit append. A person's click and a deadline job both come through here.
/// </summary>
public sealed class TenderSteps(TenderFlowDbContext db, DefinitionCatalog catalog, WorkflowEngine engine, ITenderFacts facts, AuditTrail audit, TimeProvider clock)
{
    public async Task<(Tender? Tender, RuleViolation? Violation)> CreateAsync(
        string definitionId, int? version, string? reference, string? title, IReadOnlyDictionary<string, DateTimeOffset>? planned,
        Actor actor, CancellationToken cancellationToken)
    {
        var definition = catalog.Find(definitionId, version);
        if (definition is null)
        {
            return (null, new RuleViolation("UnknownDefinitionRule", RuleKind.Invalid,
                new($"Procedure '{definitionId}'{(version is null ? "" : $" v{version}")} bestaat niet.", $"Procedure '{definitionId}'{(version is null ? "" : $" v{version}")} does not exist."),
                "definitionId"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (tender, violation) = TenderFactory.Create(definition, reference, title, planned, now);
        if (tender is null)
        {
            return (null, violation);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Tenders.AnyAsync(t => t.Reference == tender.Reference, cancellationToken))
        {
            return (null, new RuleViolation("DuplicateReferenceRule", RuleKind.Conflict,
                new($"Er is al een aanbesteding met kenmerk '{tender.Reference}'.", $"A tender with reference '{tender.Reference}' already exists."), "reference"));
        }
        if (!await db.DefinitionSnapshots.AnyAsync(s => s.Hash == definition.ContentHash, cancellationToken))
        {
            db.DefinitionSnapshots.Add(new DefinitionSnapshot
            {
                Hash = definition.ContentHash, DefinitionId = definition.Id, Version = definition.Version,
                Json = definition.SourceJson, StoredAtUtc = now,
            });
        }
        var role = actor.FirstRoleIn(Authorization.TenderPolicies.CreatorRoles) ?? actor.Roles.First();
        var records = new List<AuditRecord>
        {
            new("tender.created", $"tender/{tender.Id}", new
            {
                reference = tender.Reference,
                title = tender.Title,
                definition = new { id = definition.Id, version = definition.Version, hash = definition.ContentHash },
                phase = tender.Phase,
                deadlines = tender.Deadlines.Select(d => new { key = d.Key, dueAtUtc = d.DueAtUtc }),
            }),
        };
        records.AddRange(await engine.EnterInitialPhaseAsync(tender, definition, actor, now, cancellationToken));
        db.Tenders.Add(tender);
        await audit.AppendAsync(db, actor.Id, role, tender.Id, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (tender, null);
    }

    public async Task<StepReport> FireAsync(Guid tenderId, string trigger, string? reason, long? expectedRevision, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        if (tender is null)
        {
            return new StepReport(null, null, TenderRules.NotFound(tenderId));
        }
        if (expectedRevision is not null && expectedRevision != tender.Revision)
        {
            return new StepReport(tender, null, TenderRules.Stale(expectedRevision.Value, tender.Revision));
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        var result = await engine.FireAsync(tender, definition, trigger, actor, reason, clock.GetUtcNow().UtcDateTime, facts, cancellationToken);
        if (result.Outcome is null)
        {
            return new StepReport(tender, null, result.Violation);
        }
        await audit.AppendAsync(db, actor.Id, result.Outcome.ActingRole, tender.Id, result.Outcome.Records, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepReport(tender, null, TenderRules.ConcurrentStep());
        }
        await transaction.CommitAsync(cancellationToken);
        return new StepReport(tender, result.Outcome, null);
    }

    public async Task<(Tender Tender, WorkflowDefinition Definition)?> LoadAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        return tender is null ? null : (tender, await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken));
    }

    public Task<IReadOnlyList<TriggerAvailability>> AvailabilityAsync(Tender tender, WorkflowDefinition definition, Actor actor, CancellationToken cancellationToken) =>
        engine.AvailabilityAsync(tender, definition, actor, clock.GetUtcNow().UtcDateTime, facts, cancellationToken);
}

public static class TenderRules
{
    public static RuleViolation NotFound(Guid id) => new("TenderNotFoundRule", RuleKind.NotFound,
        new($"Aanbesteding {id} bestaat niet.", $"Tender {id} does not exist."));

    public static RuleViolation Stale(long expected, long actual) => new("StaleTenderRule", RuleKind.Conflict,
        new($"De aanbesteding is intussen gewijzigd (revisie {actual}, u zag {expected}). Laad opnieuw.",
            $"The tender changed in the meantime (revision {actual}, you saw {expected}). Reload."));

    public static RuleViolation ConcurrentStep() => new("ConcurrentStepRule", RuleKind.Conflict,
        new("Iemand anders heeft tegelijk een stap gezet; uw stap is niet uitgevoerd.", "Someone else took a step at the same time; yours was not applied."));
}
