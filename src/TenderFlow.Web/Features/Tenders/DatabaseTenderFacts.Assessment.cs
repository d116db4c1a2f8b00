using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Assessment answers this from the evaluators' quality judgements.
    public Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(QualityVerdict.NotAssessed);
}
