using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Audit;

/// <summary>One audit event of a tender, with what a reader needs beside it: the phase it happened in and who the actor is.</summary>
/// <param name="Phase">
/// The tender's phase when the event was written. A step (<c>tender.trigger.fired</c>) belongs to the phase it left:
/// that is where the decision to move on was taken.
/// </param>
public sealed record HistoryEvent(AuditEvent Event, string Phase, string ActorName, Guid? OrganisationId, string? OrganisationName)
{
    public bool IsRead => Event.Action.EndsWith(".read", StringComparison.Ordinal);
}

/// <summary>A tender's audit events in sequence order, each with its phase and actor resolved (one query per table).</summary>
public sealed class TenderHistory(TenderFlowDbContext db)
{
    public const string StepAction = "tender.trigger.fired";

    public async Task<IReadOnlyList<HistoryEvent>> LoadAsync(Tender tender, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.TenderId == tender.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var actorIds = events.Select(e => e.ActorId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var organisationIds = users.Values.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var phase = definition.InitialPhase;
        var history = new List<HistoryEvent>(events.Count);
        foreach (var e in events)
        {
            if (!AuditTrailUnreadableException.IsReadable(e.PayloadJson))
            {
                throw new AuditTrailUnreadableException(e.Sequence);
            }
            users.TryGetValue(e.ActorId, out var user);
            var organisationId = user?.OrganisationId;
            history.Add(new HistoryEvent(e, phase, user?.DisplayName ?? e.ActorId, organisationId,
                organisationId is { } o && organisations.TryGetValue(o, out var name) ? name : null));
            if (e.Action == StepAction && StepTarget(e.PayloadJson) is { } to)
            {
                phase = to;
            }
        }
        return history;
    }

    private static string? StepTarget(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String ? to.GetString() : null;
    }
}
