namespace TenderFlow.Web.Features.Evaluation;

public sealed record DeclarationRequest(bool HasConflict, string? Explanation);

public sealed record ResolutionRequest(string? Outcome, string? Reason);

public sealed record ChairRequest(string? UserId);

public sealed record KnockoutRequest(Guid RequirementId, bool Passed, string? Motivation);

public sealed record CriterionScore(Guid CriterionId, int Score, string? Motivation);

public sealed record ScoreSheetRequest(IReadOnlyList<CriterionScore>? Scores);

public sealed record SelectionRequest(Guid ApplicationId, string? Reason);

public sealed record AnnounceRequest(long? ExpectedRevision);
