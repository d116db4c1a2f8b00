using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Publication;

/// <summary>The guiding document and the other tender documents: upload by Procurement, listing per reader.</summary>
public sealed class PublicationDocuments(TenderFlowDbContext db, PublicationStage stage, DocumentIntake intake, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public const string PublicationDocumentsCapability = "publication.documents";
    public const string AddedKind = "publication.document.added";
    public const string ChangedKind = "publication.document.changed";

    /// <summary>
    /// Adds a document (or a new version of one) inside one transaction. Preparing is allowed in the initial
    /// (consultation) phase and while the phase opens <c>publication.documents</c>.
    /// </summary>
    public async Task<(PublicationUploadReceipt? Receipt, RuleViolation? Violation)> UploadAsync(Guid tenderId, UploadForm form, Actor actor, CancellationToken cancellationToken)
    {
        var kind = form.Field("kind") switch
        {
            "guide" or PublicationDocument.GuideKind => PublicationDocument.GuideKind,
            "attachment" or PublicationDocument.AttachmentKind => PublicationDocument.AttachmentKind,
            _ => null,
        };
        if (kind is null)
        {
            return (null, PublicationRules.UnknownKind());
        }
        var (title, unreadable) = EnteredText.Read(form.Field("title"), "title", multiline: false, "De titel", "The title");
        if (unreadable is not null)
        {
            return (null, unreadable);
        }
        var documentIdField = form.Field("documentId");
        Guid? existingId = null;
        if (!string.IsNullOrWhiteSpace(documentIdField))
        {
            // Not a new attachment made up from a mistyped id: a new version of a document that does not exist is refused.
            if (!Guid.TryParse(documentIdField, out var parsed))
            {
                return (null, PublicationRules.UnknownDocument());
            }
            existingId = parsed;
        }
        if (title is { Length: > PublicationDocument.MaxTitleLength } || (kind == PublicationDocument.AttachmentKind && string.IsNullOrEmpty(title) && existingId is null))
        {
            return (null, PublicationRules.TitleRequired());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancellationToken);
        var state = await stage.ForAsync(db, tender, cancellationToken);
        if (state.PhaseIsEnd || !(state.InInitialPhase || state.Open(PublicationDocumentsCapability)))
        {
            return (null, PublicationRules.DocumentsClosed());
        }
        // Candidates applied on the documents as they stood at the application deadline, also while the phase waits to
        // move on (for a nota van inlichtingen, say): the server clock decides, not the phase.
        if (tender.Deadline(Applications.ApplicationSeal.DeadlineKey)?.DueAtUtc is { } applicationsClose && clock.GetUtcNow().UtcDateTime >= applicationsClose)
        {
            return (null, PublicationRules.DocumentsClosed());
        }
        var records = new List<AuditRecord>();
        PublicationDocument? document;
        if (kind == PublicationDocument.GuideKind)
        {
            document = await db.PublicationDocuments.SingleOrDefaultAsync(d => d.TenderId == tenderId && d.Kind == kind, cancellationToken);
        }
        else if (existingId is { } id)
        {
            document = await db.PublicationDocuments.SingleOrDefaultAsync(d => d.TenderId == tenderId && d.Id == id && d.Kind == kind, cancellationToken);
            if (document is null)
            {
                return (null, PublicationRules.UnknownDocument());
            }
        }
        else
        {
            document = null;
        }
        var added = document is null;
        if (document is null)
        {
            document = new PublicationDocument
            {
                Id = Guid.NewGuid(), TenderId = tenderId, Kind = kind, CreatedByUserId = actor.Id,
                Title = string.IsNullOrEmpty(title) ? "Nota van uitgangspunten" : title,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.PublicationDocuments.Add(document);
            records.Add(new AuditRecord("publication.document.created", $"publication/{document.Id}", new { kind, title = document.Title }));
        }
        else if (!string.IsNullOrEmpty(title) && title != document.Title)
        {
            if (state.IsPublished)
            {
                return (null, PublicationRules.PublishedTitleFixed());
            }
            records.Add(new AuditRecord("publication.document.renamed", $"publication/{document.Id}", new { from = document.Title, to = title }));
            document.Title = title;
        }
        var (record, uploaded) = await intake.RecordAsync(db, form.Document!, new DocumentTarget(tenderId, document.Owner, kind, null), actor.Id, cancellationToken);
        records.Add(uploaded);
        if (state.IsPublished)
        {
            await TellTheAudienceAsync(tender, document, added, record.Version, cancellationToken);
        }
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new PublicationUploadReceipt(document.Id, DocumentReceipt.From(record)), null);
    }

    /// <summary>
    /// A tender document added or replaced after publication is told to everyone who may apply on it, at the same moment
    /// (equal treatment), as a nota van inlichtingen is: a silent change to the documents they apply on is not.
    /// </summary>
    private async Task TellTheAudienceAsync(Tender tender, PublicationDocument document, bool added, int version, CancellationToken cancellationToken)
    {
        var text = added
            ? new LocalizedText($"Bij {tender.Title} is een aanbestedingsdocument toegevoegd: {document.Title}.",
                $"A tender document has been added to {tender.Title}: {document.Title}.")
            : new LocalizedText($"Het aanbestedingsdocument {document.Title} van {tender.Title} is gewijzigd (versie {version}).",
                $"The tender document {document.Title} of {tender.Title} has been changed (version {version}).");
        await notifier.NotifyOrganisationsAsync(db, await TenderAudience.OrganisationsAsync(db, tender.Id, cancellationToken), tender.Id,
            added ? AddedKind : ChangedKind, text, $"/tenders/{tender.Id}/publicatie", cancellationToken);
    }

    /// <summary>What <paramref name="user"/> may see: staff everything (marked public or not), anyone else only published versions.</summary>
    public async Task<IReadOnlyList<PublicationDocumentView>> ListAsync(Tender tender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var state = await stage.ForAsync(db, tender, cancellationToken);
        var staff = PublicationStage.IsAuthorityStaff(user);
        if (!staff && !state.IsPublished)
        {
            return [];
        }
        var documents = await db.PublicationDocuments.AsNoTracking().Where(d => d.TenderId == tender.Id).ToListAsync(cancellationToken);
        var owners = documents.Select(d => d.Owner).ToList();
        var files = await db.Documents.AsNoTracking()
            .Where(f => f.TenderId == tender.Id && owners.Contains(f.Owner) && f.Kind.StartsWith("publication."))
            .ToListAsync(cancellationToken);
        var views = new List<PublicationDocumentView>();
        foreach (var d in documents.OrderBy(d => d.Kind == PublicationDocument.GuideKind ? 0 : 1).ThenBy(d => d.CreatedAtUtc).ThenBy(d => d.Title))
        {
            var versions = files.Where(f => f.Owner == d.Owner && (staff || IsPublicVersion(f, state))).OrderByDescending(f => f.Version).ToList();
            if (versions.Count == 0)
            {
                continue;
            }
            var all = versions.Select(ToView).ToList();
            views.Add(new PublicationDocumentView(d.Id, d.Kind, d.Title, state.IsPublished, all[0], all.Skip(1).ToList()));
        }
        return views;
    }

    /// <summary>
    /// A version is public when the tender is published and the version was still current when publication began
    /// (or came later): a draft replaced before publication never leaks.
    /// </summary>
    public static bool IsPublicVersion(DocumentRecord file, PublicationState state) =>
        state.IsPublished && (file.SupersededAtUtc is null || file.SupersededAtUtc >= state.PublicationStartedAtUtc);

    private static DocumentVersionView ToView(DocumentRecord f) =>
        new(f.Id, f.FileName, f.SizeBytes, f.Sha256, f.Version, f.UploadedAtUtc, $"/api/documents/{f.Id}");
}
