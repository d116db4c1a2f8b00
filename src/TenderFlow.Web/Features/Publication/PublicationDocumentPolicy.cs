using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Publication;

/// <summary>
/// Tender documents (<c>publication.guide</c>, <c>publication.attachment</c>): the contracting authority's staff read
/// drafts; everyone else, signed in or not, reads a version only once it is published (see <see cref="PublicationDocuments.IsPublicVersion"/>).
/// </summary>
public sealed class PublicationDocumentPolicy(PublicationStage stage) : IDocumentReadPolicy
{
    public string KindPrefix => "publication.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (PublicationStage.IsAuthorityStaff(user))
        {
            return DocumentAccess.Allowed;
        }
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == document.TenderId, cancellationToken);
        var state = await stage.ForAsync(db, tender, cancellationToken);
        return PublicationDocuments.IsPublicVersion(document, state) ? DocumentAccess.Allowed : DocumentAccess.Denied;
    }
}
