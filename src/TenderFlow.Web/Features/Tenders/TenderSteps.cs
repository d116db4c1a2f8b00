using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>After a step that was taken, <see cref="Tender"/> is the saved tender and <see cref="Definition"/> the one it runs on.</summary>
public sealed record StepReport(Tender? Tender, StepOutcome? Outcome, RuleViolation? Violation, WorkflowDefinition? Definition = null);

/// <summary>
/// The one place where a tender changes: one database transaction per step holding the role check, guards,
/// phase change, entry actions and audit append. A person's click and a deadline job both come through here.
/// </summary>
public sealed class TenderSteps(TenderFlowDbContext db, DefinitionCatalog catalog, WorkflowEngine engine, ITenderFacts facts, AuditTrail audit, TimeProvider clock,
    IEnumerable<IStepFollowUp> followUps, Deadlines.DeadlineSchedule schedule)
{
    /// <summary>The tracked tender with its deadlines and themes (auto-included); compiled once instead of looked up in EF's query cache per step.</summary>
    public static readonly Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> TenderForStep =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid id, CancellationToken _) => context.Tenders.SingleOrDefault(t => t.Id == id));

    public async Task<(Tender? Tender, RuleViolation? Violation)> CreateAsync(
        string? definitionId, int? version, string? reference, string? title, IReadOnlyDictionary<string, DateTimeOffset>? planned,
        Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            return (null, new RuleViolation("DefinitionRequiredRule", RuleKind.Invalid,
                new("Kies de procedure (definitionId) waarop de aanbesteding loopt.", "Name the procedure (definitionId) the tender runs on."), "definitionId"));
        }
        var definition = catalog.Find(definitionId, version);
        if (definition is null)
        {
            return (null, TenderRules.UnknownDefinition(definitionId, version, RuleKind.Invalid, "definitionId"));
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
        await schedule.SyncAsync(tender, definition, cancellationToken);
        await audit.AppendAsync(db, actor.Id, role, tender.Id, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (tender, null);
    }

    public async Task<StepReport> FireAsync(Guid tenderId, string trigger, string? reason, long? expectedRevision, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await FireWithinTransactionAsync(tenderId, trigger, reason, expectedRevision, actor, cancellationToken);
        if (report.Violation is null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // A refusal may come after the save (a follow-up said no): the context still tracks the step's tender and audit
            // events as stored. The rest of the request (a page showing the refusal) must see the database as it is.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return report;
    }

    /// <summary>
    /// The same step inside a transaction the caller has begun (and commits or rolls back), for features whose own writes
    /// must stand or fall with the phase change (e.g. the selection decision letters). Changes are saved, not committed.
    /// </summary>
    public async Task<StepReport> FireWithinTransactionAsync(Guid tenderId, string trigger, string? reason, long? expectedRevision, Actor actor, CancellationToken cancellationToken)
    {
        var tender = await TenderForStep(db, tenderId, cancellationToken);
        if (tender is null)
        {
            return new StepReport(null, null, TenderRules.NotFound(tenderId));
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        if (expectedRevision is not null && expectedRevision != tender.Revision)
        {
            return new StepReport(tender, null, WorkflowEngine.RoleRefusal(definition, trigger, actor) ?? TenderRules.Stale(expectedRevision.Value, tender.Revision));
        }
        var result = await engine.FireAsync(tender, definition, trigger, actor, reason, clock.GetUtcNow().UtcDateTime, facts, cancellationToken);
        if (result.Outcome is null)
        {
            return new StepReport(tender, null, result.Violation);
        }
        await audit.AppendAsync(db, actor.Id, result.Outcome.ActingRole, tender.Id, result.Outcome.Records, cancellationToken);
        await schedule.SyncAsync(tender, definition, cancellationToken);
        // No savepoint around the save: a failed save ends the whole step (its transaction is rolled back, never retried).
        // The caller's own saves in the same scope keep EF Core's default.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepReport(tender, null, TenderRules.ConcurrentStep());
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        foreach (var followUp in followUps.Where(f => f.Trigger == result.Outcome.Trigger))
        {
            if (await followUp.RunAsync(tender, result.Outcome, actor, cancellationToken) is { } refused)
            {
                return new StepReport(tender, null, refused);
            }
        }
        return new StepReport(tender, result.Outcome, null, definition);
    }

    /// <summary>Makes the tender visible to the public (and so to every bidder). Once announced it stays announced.</summary>
    public async Task<RuleViolation?> AnnounceAsync(Guid tenderId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        if (tender is null)
        {
            return TenderRules.NotFound(tenderId);
        }
        if (tender.IsPublic)
        {
            return new RuleViolation("AlreadyAnnouncedRule", RuleKind.Conflict,
                new("Deze aanbesteding is al openbaar aangekondigd.", "This tender has already been announced."));
        }
        tender.AnnouncedAtUtc = clock.GetUtcNow().UtcDateTime;
        tender.Revision++;
        await audit.AppendAsync(db, actor.Id, Domain.Workflow.Roles.Procurement, tender.Id,
            [new AuditRecord("tender.announced", $"tender/{tender.Id}", new { announcedAtUtc = tender.AnnouncedAtUtc })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<RuleViolation?> AssignEvaluatorAsync(Guid tenderId, string? userId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var evaluatorRole = await db.Roles.Where(r => r.Name == Domain.Workflow.Roles.Evaluator).Select(r => r.Id).SingleAsync(cancellationToken);
        var isEvaluator = userId is not null && await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == evaluatorRole, cancellationToken);
        if (!isEvaluator)
        {
            return new RuleViolation("NotAnEvaluatorRule", RuleKind.Invalid,
                new("Alleen iemand met de rol Evaluator kan worden toegewezen.", "Only someone with the Evaluator role can be assigned."), "userId");
        }
        if (await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == tenderId && a.UserId == userId, cancellationToken))
        {
            return null;
        }
        db.EvaluatorAssignments.Add(new EvaluatorAssignment { TenderId = tenderId, UserId = userId!, AssignedAtUtc = clock.GetUtcNow().UtcDateTime });
        await audit.AppendAsync(db, actor.Id, Domain.Workflow.Roles.Procurement, tenderId,
            [new AuditRecord("tender.evaluator.assigned", $"user/{userId}", new { userId })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
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

    /// <summary>Naming a procedure that is not loaded: a bad field when creating a tender, a missing resource when reading one.</summary>
    public static RuleViolation UnknownDefinition(string id, int? version, RuleKind kind, string? field = null)
    {
        // The name is echoed back, but never more of it than a person could mean: an unknown megabyte stays unknown.
        var name = $"'{(id.Length > 80 ? id[..80] + "…" : id)}'{(version is null ? "" : $" v{version}")}";
        return new("UnknownDefinitionRule", kind, new($"Procedure {name} bestaat niet.", $"Procedure {name} does not exist."), field);
    }

    public static RuleViolation Stale(long expected, long actual) => new("StaleTenderRule", RuleKind.Conflict,
        new($"De aanbesteding is intussen gewijzigd (revisie {actual}, u zag {expected}). Laad opnieuw.",
            $"The tender changed in the meantime (revision {actual}, you saw {expected}). Reload."));

    public static RuleViolation ConcurrentStep() => new("ConcurrentStepRule", RuleKind.Conflict,
        new("Iemand anders heeft tegelijk een stap gezet; uw stap is niet uitgevoerd.", "Someone else took a step at the same time; yours was not applied."));
}
