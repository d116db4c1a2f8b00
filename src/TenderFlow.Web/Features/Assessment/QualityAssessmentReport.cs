using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>The chair's consensus per criterion, in the definition's order, titled from the tender's pinned definition.</summary>
public sealed class QualityAssessmentReport(TenderFlowDbContext db, DefinitionCatalog catalog) : IQualityAssessmentReport
{
    public async Task<IReadOnlyList<CriterionJudgement>> JudgementsAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var consensus = await db.QualityConsensus.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(cancellationToken);
        if (consensus.Count == 0)
        {
            return [];
        }
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        var criteria = (await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken)).QualityCriteria;
        return criteria.Select(c => (Criterion: c, Consensus: consensus.SingleOrDefault(x => x.CriterionKey == c.Key)))
            .Where(x => x.Consensus is not null)
            .Select(x => new CriterionJudgement(x.Criterion.Key, x.Criterion.Title.Nl, x.Criterion.Title.En, x.Consensus!.Sufficient, x.Consensus.Motivation))
            .ToList();
    }
}
