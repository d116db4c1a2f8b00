using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Publication;

/// <summary>The tender documents: everyone who may read the tender sees the published ones; Procurement uploads (through the API, streamed).</summary>
public sealed class DocumentsModel(TenderFlowDbContext db, PublicationDocuments documents, PublicationStage stage, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public IReadOnlyList<PublicationDocumentView> Documents { get; private set; } = [];
    public IReadOnlyList<PublicationDocumentView> Attachments => Documents.Where(d => d.Kind == PublicationDocument.AttachmentKind).ToList();
    public bool MayUpload { get; private set; }
    public bool IsPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        Tender = tender;
        Documents = await documents.ListAsync(tender, User, cancellationToken);
        var state = await stage.ForAsync(db, tender, cancellationToken);
        IsPublished = state.IsPublished;
        MayUpload = (await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded
            && !state.PhaseIsEnd && (state.InInitialPhase || state.Open(PublicationDocuments.PublicationDocumentsCapability));
        return Page();
    }
}
