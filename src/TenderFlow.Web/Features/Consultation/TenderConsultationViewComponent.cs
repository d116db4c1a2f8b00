using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Consultation;

public sealed record TenderSessionsModel(Tender Tender, IReadOnlyList<SessionView> Sessions, bool MayManage, bool MayExport, bool IsBidder, bool SessionsOpen);

/// <summary>The consultation section of the signed-in tender page (sessions, registrations, reports).</summary>
public sealed class TenderConsultationViewComponent(TenderFlowDbContext db, ConsultationQueries queries, ConsultationPhase phase, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, ct);
        if (tender is null || !(await authorization.AuthorizeAsync(HttpContext.User, tender, TenderOperations.Read)).Succeeded)
        {
            return Content(string.Empty);
        }
        var mayManage = (await authorization.AuthorizeAsync(HttpContext.User, tender, TenderOperations.Manage)).Succeeded;
        var sessionsOpen = await phase.IsOpenAsync(db, tender, ConsultationPhase.Sessions, ct);
        var sessions = await queries.SessionsAsync(tender, HttpContext.User, ct);
        if (sessions.Count == 0 && !(mayManage && sessionsOpen))
        {
            return Content(string.Empty);
        }
        var user = HttpContext.User;
        var model = new TenderSessionsModel(tender, sessions, mayManage,
            user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal),
            user.IsInRole(Roles.Bidder) && user.OrganisationId() is not null, sessionsOpen);
        return View("~/Features/Consultation/_TenderSessions.cshtml", model);
    }
}
