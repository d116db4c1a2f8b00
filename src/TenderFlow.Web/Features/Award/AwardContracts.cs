namespace TenderFlow.Web.Features.Award;

public sealed record AnnounceAwardRequest(string? Reasons, long? ExpectedRevision);

public sealed record AwardDecisionView(Guid Id, string Participant, IReadOnlyList<string> Members, string Reasons, DateTime AnnouncedAtUtc,
    DateTime StandstillEndUtc, Guid LetterDocumentId, DateTime? RevisedAtUtc, string? RevisionReason, DateTime? FinalAwardAtUtc);

public sealed record AwardView(string Phase, DateTime? StandstillEndUtc, int? StandstillDaysLeft, IReadOnlyList<AwardDecisionView> Decisions,
    IReadOnlyList<ObjectionView> Objections, bool MayObjectToAward, bool MayObjectToSelection, IReadOnlyList<RecordableObjector> RecordableObjectors);

public sealed record FileObjectionRequest(string? Decision, string? Grounds);

/// <summary>An objection received outside the portal, recorded by Legal or Procurement for an entitled organisation, with how it came in.</summary>
public sealed record RecordObjectionRequest(string? Decision, Guid? OrganisationId, string? Grounds, string? ReceivedVia);

/// <summary>An organisation Legal or Procurement may now record an objection for, against the named decision.</summary>
public sealed record RecordableObjector(string Decision, Guid OrganisationId, string Name);

public sealed record ObjectionAdviceRequest(bool? Uphold, string? Reasoning);

public sealed record ObjectionResolutionRequest(bool? Upheld, string? Reasoning, string? DeviationReason);

public sealed record ObjectionView(Guid Id, string Decision, string Objector, DateTime FiledAtUtc, string Grounds, string? ReceivedVia, Guid? DocumentId, string Status,
    bool? AdviceUphold, string? AdviceReasoning, DateTime? AdvisedAtUtc, string? ResolutionReasoning, string? DeviationReason, DateTime? ResolvedAtUtc,
    Guid? OutcomeLetterDocumentId, bool Superseded);

public sealed record CreatedObjection(Guid Id);

public sealed record ExtensionOptionRequest(int Years);

public sealed record ContractRequest(string? StartDate, int? BaseTermYears, IReadOnlyList<ExtensionOptionRequest>? ExtensionOptions, int? MaximumTermYears);

public sealed record ExtensionRequest(int? Option, bool? Exercised, string? Reason);

public sealed record ExtensionView(int Option, int Years, bool Exercised, string Reason, DateTime DecidedAtUtc);

public sealed record ContractView(string StartDate, int BaseTermYears, IReadOnlyList<int> ExtensionOptions, int? MaximumTermYears, int TotalTermYears,
    DateTime RecordedAtUtc, IReadOnlyList<ExtensionView> Extensions, string EndDate);
