namespace TenderFlow.Web.Features.Assessment;

/// <summary>
/// The settled quality judgement of a tender per criterion of the definition, for the letters that must give reasons
/// (award decision, unsuccessful end). Empty until the assessment is complete.
/// </summary>
public interface IQualityAssessmentReport
{
    Task<IReadOnlyList<CriterionJudgement>> JudgementsAsync(Guid tenderId, CancellationToken cancellationToken);
}

public sealed record CriterionJudgement(string Key, string TitleNl, string TitleEn, bool Sufficient, string Motivation);
