using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// Who may read consultation documents: staff who run or review the procedure always; the bidders of organisations
/// registered for the session (not waiting, not cancelled) its report; anyone a report version uploaded as public (and not followed by a registered-only one) of an announced tender.
/// Non-public reads are audited.
/// </summary>
public sealed class ConsultationReportPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "consultation.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (document.Kind != SessionReports.Kind || ConsultationSession.SessionIdFromOwner(document.Owner) is not { } sessionId)
        {
            return Staff(user) ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
        }
        var session = await db.ConsultationSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.TenderId == document.TenderId)
            .Select(s => new { s.ReportPublicFromVersion, Announced = db.Tenders.Any(t => t.Id == s.TenderId && t.AnnouncedAtUtc != null) })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return Staff(user) ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
        }
        if (document.Version >= session.ReportPublicFromVersion && session.Announced)
        {
            return DocumentAccess.Allowed;
        }
        if (Staff(user))
        {
            return DocumentAccess.AllowedAndAudited;
        }
        if (user.IsInRole(Roles.Bidder) && user.OrganisationId() is { } organisation
            && await db.SessionRegistrations.AnyAsync(r => r.SessionId == sessionId && r.OrganisationId == organisation && r.Status == RegistrationStatus.Registered, cancellationToken))
        {
            return DocumentAccess.AllowedAndAudited;
        }
        return DocumentAccess.Denied;
    }

    private static bool Staff(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal);
}
