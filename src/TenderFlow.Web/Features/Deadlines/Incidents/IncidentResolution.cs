using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Deadlines.Incidents;

public sealed record ResolveIncidentRequest(string? Note);

/// <summary>Procurement closes an incident with a note saying what was done about it (step taken by hand, deadline extended, …); audited.</summary>
public sealed class IncidentResolution(TenderFlowDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;

    public Task<TenderIncident?> FindAsync(Guid tenderId, Guid incidentId, CancellationToken cancellationToken) =>
        db.TenderIncidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId && i.TenderId == tenderId, cancellationToken);

    public async Task<RuleViolation?> ResolveAsync(Guid tenderId, Guid incidentId, string? note, Actor actor, CancellationToken cancellationToken)
    {
        (note, var unreadable) = EnteredText.Read(note, "note", multiline: true, "De toelichting", "The note");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (note is null)
        {
            return new RuleViolation("IncidentNoteRequiredRule", RuleKind.Invalid,
                new("Schrijf op wat er met het incident is gedaan.", "Write down what was done about the incident."), "note");
        }
        if (note.Length > MaxNoteLength)
        {
            return new RuleViolation("IncidentNoteTooLongRule", RuleKind.Invalid,
                new($"De toelichting is te lang (maximaal {MaxNoteLength} tekens).", $"The note is too long (at most {MaxNoteLength} characters)."), "note");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var incident = await db.TenderIncidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.TenderId == tenderId, cancellationToken);
        if (incident is null)
        {
            return new RuleViolation("IncidentNotFoundRule", RuleKind.NotFound, new("Dit incident bestaat niet.", "This incident does not exist."));
        }
        if (incident.ResolvedAtUtc is not null)
        {
            return new RuleViolation("IncidentAlreadyResolvedRule", RuleKind.Conflict,
                new("Dit incident is al afgehandeld.", "This incident has already been resolved."));
        }
        incident.ResolvedAtUtc = clock.GetUtcNow().UtcDateTime;
        incident.ResolvedByUserId = actor.Id;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("incident.resolved", $"tender/{tenderId}/incident/{incidentId}", new { incident = incidentId, kind = incident.Kind, note })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
