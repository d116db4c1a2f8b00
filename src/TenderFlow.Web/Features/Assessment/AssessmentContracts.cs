namespace TenderFlow.Web.Features.Assessment;

public sealed record CriterionJudgementRequest(string? Key, bool? Sufficient, string? Motivation);

public sealed record QualitySheetRequest(List<CriterionJudgementRequest>? Criteria);

public sealed record QualityCriterionView(string Key, string TitleNl, string TitleEn, string? DescriptionNl, string? DescriptionEn);

public sealed record QualityJudgementView(string Key, bool Sufficient, string Motivation, DateTime AtUtc, string? EvaluatorUserId, string? EvaluatorName);

/// <summary>
/// The quality assessment as one reader may see it. <see cref="Judgements"/> (everybody's individual judgements) is
/// null until the reader may see them: an evaluator after submitting their own, Legal always, Procurement once the
/// consensus is recorded. <see cref="Consensus"/> is null for an evaluator who has not submitted yet.
/// </summary>
public sealed record QualityAssessmentView(Guid TenderId, bool ScoringOpen, bool Opened, bool Submitted, IReadOnlyList<QualityCriterionView> Criteria,
    bool IsEvaluator, bool IsChair, bool MayJudge, bool MayRecordConsensus, bool OwnSubmitted, IReadOnlyList<QualityJudgementView> Own,
    int PendingEvaluators, IReadOnlyList<QualityJudgementView>? Judgements, IReadOnlyList<QualityJudgementView>? Consensus, string Verdict);
