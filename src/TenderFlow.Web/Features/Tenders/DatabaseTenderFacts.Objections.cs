using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Award;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    /// <summary>
    /// Objections against the decision of the standstill the tender is in that still suspend moving on: undecided, or
    /// upheld and not yet revised (Features/Award/Objections). Outside a standstill: every such objection of the tender.
    /// </summary>
    public async Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var phase = await db.Tenders.Where(t => t.Id == tenderId).Select(t => t.Phase).SingleAsync(cancellationToken);
        ObjectedDecision? decision = phase switch
        {
            "selectionStandstill" => ObjectedDecision.Selection,
            "awardStandstill" => ObjectedDecision.Award,
            _ => null,
        };
        var objections = await db.Objections.AsNoTracking()
            .Where(o => o.TenderId == tenderId && o.SupersededAtUtc == null && (decision == null || o.Decision == decision))
            .ToListAsync(cancellationToken);
        return objections.Count(o => o.Blocks);
    }
}
