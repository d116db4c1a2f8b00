using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>Which consultation capabilities the tender's pinned procedure opens in its current phase.</summary>
public sealed class ConsultationPhase(DefinitionCatalog catalog)
{
    public const string Sessions = "consultation.sessions";
    public const string Registration = "consultation.registration";
    public const string Reports = "consultation.reports";

    public async Task<bool> IsOpenAsync(TenderFlowDbContext db, Tender tender, string capability, CancellationToken cancellationToken) =>
        (await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken)).Phase(tender.Phase).Capabilities.Contains(capability);
}
