namespace TenderFlow.Web.Features.Assessment;

// Features/Assessment replaces this with the evaluators' settled judgements.
public sealed class QualityAssessmentReport : IQualityAssessmentReport
{
    public Task<IReadOnlyList<CriterionJudgement>> JudgementsAsync(Guid tenderId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CriterionJudgement>>([]);
}
