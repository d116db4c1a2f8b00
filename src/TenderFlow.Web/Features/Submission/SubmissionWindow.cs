using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Whether the participant may change its tender now: the same boundary as the application window — the deadline
/// instant itself is closed (<c>now &gt;= due</c> refuses), decided by the server clock at the request — and the phase
/// must open <c>submission.vault</c>.
/// </summary>
public sealed class SubmissionWindow(DefinitionCatalog catalog, TimeProvider clock, IConfiguration configuration)
{
    public Task<RuleViolation?> RefuseAsync(TenderFlowDbContext db, Tender tender, CancellationToken cancellationToken) =>
        RefuseAsync(db, tender, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// The window at <paramref name="nowUtc"/>: a change reads the clock once and records what it accepts at that same
    /// moment, so nothing accepted carries a time at or after the deadline.
    /// </summary>
    public async Task<RuleViolation?> RefuseAsync(TenderFlowDbContext db, Tender tender, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = tender.Deadline(SubmissionSeal.DeadlineKey)?.DueAtUtc;
        if (due is null)
        {
            return SubmissionRules.DeadlineNotPlanned();
        }
        if (nowUtc >= due.Value)
        {
            return SubmissionRules.DeadlinePassed(AmsterdamTime.Format(due.Value));
        }
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        return definition.Phase(tender.Phase).Capabilities.Contains(SubmissionSeal.Capability) ? null : SubmissionRules.Closed();
    }

    /// <summary>
    /// The contract years of the base term the budget covers: from the year of the planned contract start (Amsterdam),
    /// <c>Submission:BaseTermYears</c> long (default 3: the 2020 strategy's base term). Empty when no start is planned.
    /// </summary>
    public IReadOnlyList<int> BudgetYears(Tender tender)
    {
        if (tender.Deadline("contractStart")?.DueAtUtc is not { } start)
        {
            return [];
        }
        var first = AmsterdamTime.ToLocal(start).Year;
        var years = Math.Clamp(configuration.GetValue("Submission:BaseTermYears", 3), 1, 10);
        return Enumerable.Range(first, years).ToList();
    }
}
