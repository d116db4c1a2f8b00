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
        var memberships = await MembershipsAsync(actorIds, cancellationToken);
        var organisationIds = users.Values.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value)
            .Concat(memberships.Values.SelectMany(m => m).Where(m => m.OrganisationId is not null).Select(m => m.OrganisationId!.Value)).Distinct().ToList();
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
            var organisationId = OrganisationAt(memberships.GetValueOrDefault(e.ActorId), e.Sequence, user?.OrganisationId);
            history.Add(new HistoryEvent(e, phase, user?.DisplayName ?? e.ActorId, organisationId,
                organisationId is { } o && organisations.TryGetValue(o, out var name) ? name : null));
            if (e.Action == StepAction && StepTarget(e.PayloadJson) is { } to)
            {
                phase = to;
            }
        }
        return history;
    }

    private sealed record Membership(long Sequence, Guid? OrganisationId);

    /// <summary>
    /// Each actor's organisation as administrators set it (<c>user.created</c>, <c>user.changed</c>), in trail order: a
    /// person moved to another organisation later must not be shown as having acted for it before.
    /// </summary>
    private async Task<Dictionary<string, List<Membership>>> MembershipsAsync(List<string> actorIds, CancellationToken cancellationToken)
    {
        var subjects = actorIds.Select(id => $"user/{id}").ToList();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.Action == "user.created" || e.Action == "user.changed") && subjects.Contains(e.Subject))
            .OrderBy(e => e.Sequence).Select(e => new { e.Subject, e.Sequence, e.PayloadJson }).ToListAsync(cancellationToken);
        if (changes.FirstOrDefault(c => !AuditTrailUnreadableException.IsReadable(c.PayloadJson)) is { } unreadable)
        {
            throw new AuditTrailUnreadableException(unreadable.Sequence);
        }
        return changes.GroupBy(c => c.Subject["user/".Length..])
            .ToDictionary(g => g.Key, g => g.Select(c => new Membership(c.Sequence, OrganisationOf(c.PayloadJson))).ToList());
    }

    private static Guid? OrganisationOf(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.TryGetProperty("organisationId", out var o) && o.ValueKind == JsonValueKind.String && o.TryGetGuid(out var id) ? id : null;
    }

    /// <summary>
    /// The organisation the last change before <paramref name="sequence"/> gave; with no change recorded at all (a person
    /// created outside the portal, as the demo's), the current one; with changes recorded only later, unknown.
    /// </summary>
    private static Guid? OrganisationAt(List<Membership>? memberships, long sequence, Guid? current) =>
        memberships is null or { Count: 0 } ? current
            : memberships.LastOrDefault(m => m.Sequence < sequence) is { } earlier ? earlier.OrganisationId
            : null;

    private static string? StepTarget(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String ? to.GetString() : null;
    }
}
