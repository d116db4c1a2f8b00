namespace TenderFlow.Domain.Publication;

/// <summary>
/// A tender document the contracting authority publishes: the guiding document (nota van uitgangspunten, one per tender)
/// or another attachment with a title. Its file versions are <see cref="Documents.DocumentRecord"/>s owned by <see cref="Owner"/>.
/// </summary>
public sealed class PublicationDocument
{
    public const string GuideKind = "publication.guide";
    public const string AttachmentKind = "publication.attachment";
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }

    /// <summary><see cref="GuideKind"/> or <see cref="AttachmentKind"/>.</summary>
    public required string Kind { get; init; }
    public required string Title { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByUserId { get; init; }

    public string Owner => OwnerFor(Id);

    public static string OwnerFor(Guid id) => $"publication/{id}";
}
