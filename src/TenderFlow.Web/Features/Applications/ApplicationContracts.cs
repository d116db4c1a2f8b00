using TenderFlow.Domain.Selection;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Applications;

public sealed record CreateApplicationRequest(string? ConsortiumName);

public sealed record AddMemberRequest(string? KvkNumber, ConsortiumRole? Role);

public sealed record ReferenceRequest(Guid? RequirementId, Guid? OrganisationId, string? Client, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    string? CareForms, string? Scale, string? Description);

public sealed record AnswerRequest(string? Condition, bool? Complies, string? Explanation);

public sealed record AnswersRequest(List<AnswerRequest>? Answers);

/// <summary>What an uploader is shown: the receipt, and a warning (e.g. a Gedragsverklaring that lapses before the award).</summary>
public sealed record UploadReceipt(DocumentReceipt Receipt, string? Warning);

/// <summary>The receipt of a submission: the server time and every document it holds, with size and SHA-256.</summary>
public sealed record SubmissionReceipt(Guid ApplicationId, DateTime SubmittedAtUtc, List<DocumentReceipt> Documents);

public sealed record MemberView(Guid OrganisationId, string Name, string KvkNumber, bool IsLead, ConsortiumRole Role,
    DateOnly? GvaIssuedOn, DateOnly? GvaLapsesOn, string? GvaWarning);

public sealed record ReferenceView(Guid Id, Guid RequirementId, string RequirementCode, Guid OrganisationId, string Client,
    DateOnly PeriodFrom, DateOnly PeriodTo, string CareForms, string Scale, string Description);

public sealed record AnswerView(string Condition, string Title, bool Complies, string Explanation);

public sealed record ApplicationDocumentView(Guid Id, string Kind, string Owner, Guid? MemberOrganisationId, Guid? ReferenceId,
    string FileName, long SizeBytes, string Sha256, DateTime UploadedAtUtc, int Version, bool IsCurrent);

public sealed record ApplicationView(Guid Id, Guid TenderId, ApplicationStatus Status, string? ConsortiumName, Guid LeadOrganisationId,
    DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateTime? WithdrawnAtUtc, long Revision,
    List<MemberView> Members, List<ReferenceView> References, List<AnswerView> Answers, List<ApplicationDocumentView> Documents,
    List<string> Warnings, List<string> Missing);

/// <summary>What staff see: before the opening only how many applications were submitted; after it, their content (readers only).</summary>
public sealed record ApplicationsOverview(bool Sealed, int SubmittedCount, List<ApplicationView>? Applications);
