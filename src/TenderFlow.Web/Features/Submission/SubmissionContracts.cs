using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Submission;

public sealed record BudgetLineRequest(int? Year, decimal? AmountEuros);

public sealed record SubmissionAnswersRequest(List<BudgetLineRequest>? Budget, string? BudgetExplanation, string? ImplementationPlan,
    bool? ContractStartReady, string? ReadinessExplanation);

/// <summary>The receipt of submitting: server time, every document with its SHA-256, and the SHA-256 of the answers.</summary>
public sealed record SubmissionReceiptView(Guid SubmissionId, DateTime SubmittedAtUtc, IReadOnlyList<DocumentReceipt> Documents, string AnswersSha256);

public sealed record BudgetLineView(int Year, decimal AmountEuros);

public sealed record SubmissionContentView(IReadOnlyList<BudgetLineView> Budget, string? BudgetExplanation, string? ImplementationPlan,
    bool? ContractStartReady, string? ReadinessExplanation, IReadOnlyList<DocumentReceipt> Documents);

/// <summary>
/// The submission as one reader may see it. <see cref="Content"/> is null for staff until the vault is opened;
/// <see cref="Receipt"/> is the participant's own receipt (null for staff).
/// </summary>
public sealed record SubmissionView(Guid TenderId, string Status, DateTime? DeadlineUtc, bool DeadlinePassed, bool WindowOpen, bool Opened,
    DateTime? SubmittedAtUtc, IReadOnlyList<int> BudgetYears, SubmissionContentView? Content, SubmissionReceiptView? Receipt, IReadOnlyList<MissingPart> Missing);

/// <summary>Something the participant still has to provide before submitting.</summary>
public sealed record MissingPart(string Nl, string En);
