using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Publication;

/// <summary>Where a tender stands for publication: whether the publication phase has begun, and what is open in the current phase.</summary>
public sealed record PublicationState(Tender Tender, DateTime? PublicationStartedAtUtc, IReadOnlyList<string> Capabilities, bool PhaseIsEnd, bool InInitialPhase)
{
    /// <summary>
    /// Published material is public when the tender is announced AND the publication phase has started (it stays so in
    /// later phases). Before that it is a draft that only the contracting authority's staff see.
    /// </summary>
    public bool IsPublished => Tender.IsPublic && PublicationStartedAtUtc is not null;

    public bool Open(string capability) => Capabilities.Contains(capability);
}

public sealed class PublicationStage(DefinitionCatalog catalog)
{
    public const string PublicationPhase = "publication";

    public async Task<PublicationState> ForAsync(TenderFlowDbContext db, Tender tender, CancellationToken cancellationToken)
    {
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        var phase = definition.Phase(tender.Phase);
        return new PublicationState(tender, await StartedAtAsync(db, tender, cancellationToken), phase.Capabilities, phase.IsEnd, tender.Phase == definition.InitialPhase);
    }

    /// <summary>
    /// The moment the tender first entered the publication phase, read from the audit trail (the phase column only knows
    /// the current phase; a tender cancelled during consultation must never count as published).
    /// </summary>
    private static async Task<DateTime?> StartedAtAsync(TenderFlowDbContext db, Tender tender, CancellationToken cancellationToken)
    {
        var marker = $"\"to\":\"{PublicationPhase}\"";
        var fired = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TenderId == tender.Id && e.Action == "tender.trigger.fired" && e.PayloadJson.Contains(marker))
            .OrderBy(e => e.Sequence).Select(e => (DateTime?)e.OccurredAtUtc).FirstOrDefaultAsync(cancellationToken);
        return fired ?? (tender.Phase == PublicationPhase ? tender.PhaseEnteredAtUtc : null);
    }

    /// <summary>The contracting authority's own people, who see drafts: Procurement, Legal (review) and Admin.</summary>
    public static bool IsAuthorityStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin);
}
