namespace TenderFlow.Domain.Submission;

public enum SubmissionStatus
{
    Draft,
    Submitted,
    Withdrawn,
}

/// <summary>
/// The selected participant's tender on the final specification (one per tender): form answers here, documents as
/// <c>submission.*</c> records owned by <see cref="Owner"/>. Any change after submitting returns it to
/// <see cref="SubmissionStatus.Draft"/>: only a submitted tender is in the vault, so it must be submitted again.
/// </summary>
public sealed class TenderSubmission
{
    public const int MaxTextLength = 8000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public SubmissionStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>JSON array of <see cref="BudgetLine"/> (year, amount in euros).</summary>
    public string BudgetJson { get; set; } = "[]";
    public string? BudgetExplanation { get; set; }
    public string? ImplementationPlan { get; set; }
    public bool? ContractStartReady { get; set; }
    public string? ReadinessExplanation { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedByUserId { get; set; }

    /// <summary>SHA-256 of the canonical answers at the moment of submitting (on the receipt and in the proces-verbaal).</summary>
    public string? AnswersSha256 { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public long Revision { get; set; }

    public string Owner => OwnerOf(Id);

    public static string OwnerOf(Guid submissionId) => $"submission/{submissionId}";

    public static Guid? IdOfOwner(string owner) =>
        owner.StartsWith("submission/", StringComparison.Ordinal) && Guid.TryParse(owner["submission/".Length..], out var id) ? id : null;
}

public sealed record BudgetLine(int Year, decimal AmountEuros);
