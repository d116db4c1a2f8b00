using Microsoft.EntityFrameworkCore;
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

    public async Task<DossierData> LoadAsync(Tender tender, CancellationToken cancellationToken)
    {
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        return new DossierData(tender, definition, await history.LoadAsync(tender, definition, cancellationToken));
    }
}
