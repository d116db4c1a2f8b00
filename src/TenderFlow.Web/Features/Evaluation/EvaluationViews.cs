using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Selection;

namespace TenderFlow.Web.Features.Evaluation;

public sealed record CandidateView(Guid ApplicationId, string Name, IReadOnlyList<string> Members);

public sealed record RequirementView(Guid Id, string Code, string TextNl, string? TextEn);

public sealed record DescriptorView(int Score, string TextNl, string? TextEn);

public sealed record CriterionView(Guid Id, string Code, string TitleNl, string? TitleEn, string? DescriptionNl, string? DescriptionEn,
    int WeightPercent, int ScaleMin, int ScaleMax, int? MinimumScore, IReadOnlyList<DescriptorView> Descriptors)
{
    public static CriterionView From(SelectionCriterion c) => new(c.Id, c.Code, c.TitleNl, c.TitleEn, c.DescriptionNl, c.DescriptionEn,
        c.WeightPercent, c.ScaleMin, c.ScaleMax, c.MinimumScore,
        c.Descriptors.OrderBy(d => d.Score).Select(d => new DescriptorView(d.Score, d.TextNl, d.TextEn)).ToList());

    public RankingCriterion ForRanking(int order) => new(Id, Code, WeightPercent, ScaleMax, MinimumScore, order);
}

public sealed record JudgementView(Guid RequirementId, string EvaluatorUserId, string EvaluatorName, bool IsSettlement, bool Passed, string Motivation, DateTime RecordedAtUtc);

public sealed record ScoreView(Guid CriterionId, string EvaluatorUserId, string EvaluatorName, int Score, string Motivation, DateTime SubmittedAtUtc);

public sealed record ConsensusView(Guid CriterionId, int Score, string Motivation, DateTime RecordedAtUtc);

/// <summary>What the signed-in evaluator sees of the committee's work on one tender.</summary>
public sealed record WorkspaceView(bool Assigned, bool IsChair, DeclarationView? Declaration, bool Opened, bool AssessmentOpen,
    IReadOnlyList<WorkspaceRow> Applications);

public sealed record DeclarationView(bool HasConflict, string? Explanation, DateTime DeclaredAtUtc, string? Resolution, string? ResolutionReason, bool Blocks)
{
    public static DeclarationView From(ConflictDeclaration d) =>
        new(d.HasConflict, d.Explanation, d.DeclaredAtUtc, d.Resolution?.ToString(), d.ResolutionReason, d.Blocks);
}

public sealed record WorkspaceRow(CandidateView Candidate, int OwnJudgements, bool OwnScoresSubmitted, KnockoutVerdict Knockout, int MissingSubmissions, bool ConsensusComplete);

/// <summary>One application as the signed-in evaluator may see it; <see cref="OtherScores"/> is empty until their own sheet is in.</summary>
public sealed record AssessmentView(CandidateView Candidate, bool IsChair, bool AssessmentOpen, IReadOnlyList<RequirementView> Requirements,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<JudgementView> OwnJudgements, IReadOnlyDictionary<Guid, KnockoutVerdict> Verdicts,
    KnockoutVerdict Knockout, IReadOnlyList<ScoreView> OwnScores, IReadOnlyList<ScoreView> OtherScores);

/// <summary>The chair's view: everyone's knock-out judgements and (once all are in) individual scores, and the consensus so far.</summary>
public sealed record ConsensusPageView(CandidateView Candidate, IReadOnlyList<RequirementView> Requirements, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<JudgementView> Judgements, IReadOnlyDictionary<Guid, KnockoutVerdict> Verdicts, KnockoutVerdict Knockout,
    int MissingSubmissions, IReadOnlyList<ScoreView> Scores, IReadOnlyList<ConsensusView> Consensus, bool AssessmentOpen);

public sealed record RankingRow(CandidateView Candidate, CandidateStanding Standing, decimal Total, int? Rank, bool Tied,
    IReadOnlyList<string> BelowMinimum, KnockoutVerdict Knockout, IReadOnlyList<ConsensusView> Consensus);

public sealed record SelectionView(Guid ApplicationId, int Rank, string? Reason, DateTime DecidedAtUtc);

public sealed record CommitteeMember(string UserId, string Name, bool IsChair, DeclarationView? Declaration);

public sealed record RankingView(IReadOnlyList<CriterionView> Criteria, IReadOnlyList<RankingRow> Rows, SelectionView? Selection,
    IReadOnlyList<CommitteeMember> Committee, bool Opened, bool DecisionOpen);

public sealed record LetterView(Guid ApplicationId, string Candidate, bool Selected, Guid DocumentId, DateTime StandstillEndUtc, DateTime SentAtUtc);
