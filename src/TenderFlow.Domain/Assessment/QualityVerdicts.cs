using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Assessment;

public static class QualityVerdicts
{
    /// <summary>
    /// Sufficient when every criterion has a sufficient consensus; Insufficient as soon as one consensus is insufficient;
    /// otherwise (no or partial consensus) not assessed.
    /// </summary>
    public static QualityVerdict Decide(IReadOnlyCollection<string> criterionKeys, IReadOnlyCollection<QualityConsensus> consensus)
    {
        var relevant = consensus.Where(c => criterionKeys.Contains(c.CriterionKey)).ToList();
        if (relevant.Any(c => !c.Sufficient))
        {
            return QualityVerdict.Insufficient;
        }
        return criterionKeys.Count > 0 && criterionKeys.All(k => relevant.Any(c => c.CriterionKey == k))
            ? QualityVerdict.Sufficient
            : QualityVerdict.NotAssessed;
    }
}
