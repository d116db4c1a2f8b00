using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// Whether applications may be created or changed now: the application deadline must be planned and not reached
/// (server clock at the request; at the deadline instant itself it has passed: <c>now &gt;= due</c> refuses, the same
/// boundary as the deadline.passed guard of closeApplications), and the current phase must open <c>selection.applications</c>.
/// </summary>
public sealed class ApplicationWindow(DefinitionCatalog catalog, TimeProvider clock)
{
    public const string Capability = "selection.applications";

    public async Task<RuleViolation?> RefuseAsync(TenderFlowDbContext db, Tender tender, CancellationToken cancellationToken)
    {
        var due = tender.Deadline(ApplicationSeal.DeadlineKey)?.DueAtUtc;
        if (due is null)
        {
            return ApplicationRules.DeadlineNotPlanned();
        }
        if (clock.GetUtcNow().UtcDateTime >= due.Value)
        {
            return ApplicationRules.DeadlinePassed(AmsterdamTime.Format(due.Value));
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        return definition.Phase(tender.Phase).Capabilities.Contains(Capability) ? null : ApplicationRules.ApplicationsClosed();
    }

    public async Task<bool> IsOpenAsync(TenderFlowDbContext db, Tender tender, CancellationToken cancellationToken) =>
        await RefuseAsync(db, tender, cancellationToken) is null;
}
