using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>The public part of market consultation (sessions, public reports) on the anonymous tender page.</summary>
public sealed class PublicConsultationViewComponent(TenderFlowDbContext db, ConsultationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId && t.AnnouncedAtUtc != null, HttpContext.RequestAborted);
        if (tender is null)
        {
            return Content(string.Empty);
        }
        // Read as nobody in particular, whoever is signed in: this page shows what the public may know.
        var sessions = await queries.SessionsAsync(tender, new ClaimsPrincipal(new ClaimsIdentity()), HttpContext.RequestAborted);
        return sessions.Count == 0 ? Content(string.Empty) : View("~/Features/Consultation/_PublicSessions.cshtml", sessions);
    }
}
