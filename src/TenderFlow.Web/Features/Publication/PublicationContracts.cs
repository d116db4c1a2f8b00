namespace TenderFlow.Web.Features.Publication;

/// <summary>A published (or, for staff, draft) tender document with its current file.</summary>
public sealed record PublicationDocumentView(Guid Id, string Kind, string Title, bool IsPublic, DocumentVersionView Current, IReadOnlyList<DocumentVersionView> History);

public sealed record DocumentVersionView(Guid DocumentId, string FileName, long SizeBytes, string Sha256, int Version, DateTime UploadedAtUtc, string DownloadUrl);

public sealed record PublicationUploadReceipt(Guid PublicationDocumentId, Documents.DocumentReceipt Receipt);

public sealed record RequirementView(Guid Id, string Code, string TextNl, string? TextEn);

public sealed record DescriptorView(int Score, string TextNl, string? TextEn);

public sealed record CriterionView(Guid Id, string Code, string TitleNl, string? TitleEn, string? DescriptionNl, string? DescriptionEn,
    int WeightPercent, int ScaleMin, int ScaleMax, int? MinimumScore, IReadOnlyList<DescriptorView> Descriptors);

/// <param name="PublishedAtUtc">When Procurement declared it complete; null while it is a draft.</param>
/// <param name="Frozen">True once the publication phase has started: nothing can change any more.</param>
/// <param name="IsPublic">Whether candidates and the public see it now.</param>
public sealed record GuidelineView(DateTime? PublishedAtUtc, bool Frozen, bool IsPublic, int TotalWeightPercent,
    IReadOnlyList<RequirementView> Requirements, IReadOnlyList<CriterionView> Criteria);
