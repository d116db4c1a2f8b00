using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Specification;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Specification;

/// <summary>
/// The PDF of an approved version (<c>specification.final</c>): staff always; the selected participant each approved
/// version; an assigned evaluator, from the assessment on, the PDF of the approved final (latest) version. Every read is audited.
/// </summary>
public sealed class SpecificationReadPolicy(SpecificationAccess access) : IDocumentReadPolicy
{
    public string KindPrefix => "specification.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == document.TenderId, cancellationToken);
        var review = await db.SpecificationReviews.AsNoTracking().SingleOrDefaultAsync(r => r.DocumentId == document.Id && r.Verdict == ReviewVerdict.Approved, cancellationToken);
        if (tender is null || document.Kind != SpecificationPdf.Kind || review is null || user.Identity?.IsAuthenticated != true)
        {
            return DocumentAccess.Denied;
        }
        switch (await access.AudienceAsync(tender, user, cancellationToken))
        {
            case SpecificationAudience.Staff:
            case SpecificationAudience.Participant:
                return DocumentAccess.AllowedAndAudited;
            case SpecificationAudience.Evaluator:
                var latest = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tender.Id).MaxAsync(v => (int?)v.Number, cancellationToken);
                return latest == review.VersionNumber ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
            default:
                return DocumentAccess.Denied;
        }
    }
}
