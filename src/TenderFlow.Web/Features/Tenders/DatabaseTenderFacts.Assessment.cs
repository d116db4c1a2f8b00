using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Assessment;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // The chair records the consensus on every criterion of the tender's pinned definition in one transaction
    // (Features/Assessment/QualityAssessment checks the set), so the recorded keys are the definition's keys or none.
    public async Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var consensus = await db.QualityConsensus.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(cancellationToken);
        return QualityVerdicts.Decide(consensus.Select(c => c.CriterionKey).ToHashSet(), consensus);
    }
}
