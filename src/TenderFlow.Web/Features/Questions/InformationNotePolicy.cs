using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Questions;

/// <summary>
/// A nota van inlichtingen exists only once published and holds nothing about who asked, so it is for everyone who may
/// see the tender: anyone at all once the tender is announced, otherwise the tender's readers (staff, participants).
/// </summary>
public sealed class InformationNotePolicy : IDocumentReadPolicy
{
    public string KindPrefix => "qa.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (document.Kind != Domain.Questions.InformationNote.DocumentKind)
        {
            return DocumentAccess.Denied;
        }
        var tender = db.Tenders.AsNoTracking().Where(t => t.Id == document.TenderId);
        var readable = await tender.AnyAsync(t => t.AnnouncedAtUtc != null, cancellationToken)
            || (user.Identity?.IsAuthenticated == true && await tender.VisibleTo(user, db).AnyAsync(cancellationToken));
        return readable ? DocumentAccess.Allowed : DocumentAccess.Denied;
    }
}
