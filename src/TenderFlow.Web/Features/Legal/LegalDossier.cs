using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Legal;

/// <summary>What every page of the legal workspace starts from: the tender, its pinned definition and its whole history, as the reader may see it.</summary>
public sealed record DossierData(Tender Tender, WorkflowDefinition Definition, IReadOnlyList<HistoryEvent> History, DossierReader Reader);

/// <summary>
/// What the workspace hides from a reader who is not Legal: the names of files in a vault not opened yet (a bidder's file
/// name often names the bidder), and, from a reader outside the dialogue (Admin), the dialogue's theme titles.
/// </summary>
public sealed record DossierReader(bool SealsApplicationFiles, bool SealsSubmissionFiles, bool SeesDialogueTitles)
{
    public bool Seals(Domain.Documents.DocumentRecord d) =>
        (SealsApplicationFiles && d.Owner.StartsWith("application/", StringComparison.Ordinal))
        || (SealsSubmissionFiles && d.Owner.StartsWith("submission/", StringComparison.Ordinal));
}

public sealed class LegalDossier(TenderFlowDbContext db, DefinitionCatalog catalog, TenderHistory history)
{
    /// <summary>The tender with its deadlines and themes, untracked (the workspace never writes); null when it does not exist.</summary>
    public Task<Tender?> TenderAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenders.AsNoTracking().Include(t => t.Deadlines).Include(t => t.Themes).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>
    /// The tender's history as <paramref name="reader"/> may see it (<see cref="AuditVisibility"/>), so neither the timeline,
    /// its filters nor its text search show what the reader may not.
    /// </summary>
    public async Task<DossierData> LoadAsync(Tender tender, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        var events = await history.LoadAsync(tender, definition, cancellationToken);
        var visibility = await AuditVisibility.ForAsync(db, reader, [tender.Id], cancellationToken);
        var legal = reader.IsInRole(Roles.Legal);
        var dossierReader = new DossierReader(
            !legal && !await Applications.ApplicationSeal.IsOpenedAsync(db, tender.Id, cancellationToken),
            !legal && !await Submission.SubmissionSeal.IsOpenedAsync(db, tender.Id, cancellationToken),
            legal || reader.IsInRole(Roles.Procurement));
        return new DossierData(tender, definition, events.Select(e => AsSeen(e, visibility)).ToList(), dossierReader);
    }

    private static HistoryEvent AsSeen(HistoryEvent e, AuditVisibility visibility)
    {
        var seen = visibility.Apply(e.Event);
        if (ReferenceEquals(seen, e.Event))
        {
            return e;
        }
        return visibility.HidesActor(e.Event)
            ? e with { Event = seen, ActorName = AuditVisibility.SealedActor, OrganisationId = null, OrganisationName = null }
            : e with { Event = seen };
    }
}
