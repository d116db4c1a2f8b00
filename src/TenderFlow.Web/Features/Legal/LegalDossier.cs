using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Legal;

/// <summary>What every page of the legal workspace starts from: the tender, its pinned definition and its whole history.</summary>
public sealed record DossierData(Tender Tender, WorkflowDefinition Definition, IReadOnlyList<HistoryEvent> History);

public sealed class LegalDossier(TenderFlowDbContext db, DefinitionCatalog catalog, TenderHistory history)
{
    /// <summary>The tender with its deadlines and themes, untracked (the workspace never writes); null when it does not exist.</summary>
    public Task<Tender?> TenderAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenders.AsNoTracking().Include(t => t.Deadlines).Include(t => t.Themes).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The tender's history as <paramref name="reader"/> may see it: confidential payloads withheld unless Legal (<see cref="AuditPayloadAccess"/>), so neither the timeline nor its text search shows them.</summary>
    public async Task<DossierData> LoadAsync(Tender tender, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        var events = await history.LoadAsync(tender, definition, cancellationToken);
        return new DossierData(tender, definition, events.Select(e => AsSeenBy(e, reader)).ToList());
    }

    private static HistoryEvent AsSeenBy(HistoryEvent e, ClaimsPrincipal reader)
    {
        var payload = AuditPayloadAccess.PayloadFor(e.Event, reader);
        return payload == e.Event.PayloadJson ? e : e with { Event = WithPayload(e.Event, payload) };
    }

    private static AuditEvent WithPayload(AuditEvent e, string payload) => new()
    {
        Sequence = e.Sequence, OccurredAtUtc = e.OccurredAtUtc, ActorId = e.ActorId, ActorRole = e.ActorRole, TenderId = e.TenderId,
        Action = e.Action, Subject = e.Subject, PayloadJson = payload, PreviousHash = e.PreviousHash, Hash = e.Hash,
    };
}
