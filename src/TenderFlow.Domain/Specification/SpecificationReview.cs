namespace TenderFlow.Domain.Specification;

public enum ReviewVerdict
{
    Approved,
    ChangesRequested,
}

/// <summary>Legal's verdict on exactly one version. A later save makes an approval stale: it never carries over.</summary>
public sealed class SpecificationReview
{
    public const int MaxCommentLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid VersionId { get; init; }
    public int VersionNumber { get; init; }
    public ReviewVerdict Verdict { get; init; }
    public string? Comment { get; init; }
    public required string ReviewerUserId { get; init; }
    public DateTime ReviewedAtUtc { get; init; }

    /// <summary>The PDF of the approved version recorded at approval (<c>specification.final</c>).</summary>
    public Guid? DocumentId { get; init; }
}

/// <summary>The participant confirms it received an approved version; once per version and organisation.</summary>
public sealed class SpecificationAcknowledgement
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public Guid VersionId { get; init; }
    public int VersionNumber { get; init; }
    public Guid OrganisationId { get; init; }
    public required string UserId { get; init; }
    public DateTime AcknowledgedAtUtc { get; init; }
}
