using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Deadlines;

public sealed record TenderDeadlineJobs(IReadOnlyList<TenderIncident> Incidents, IReadOnlyList<DeadlineJob> Planned, IReadOnlyList<DeadlineJob> Recent, bool MayOpenDashboard, bool MayResolve);

/// <summary>
/// On the tender page, for staff who keep the procedure on track (Procurement, Admin, Legal): open incidents first — a deadline
/// that did not act — then what the scheduler will do next and what it did last.
/// </summary>
public sealed class TenderDeadlineJobsViewComponent(TenderFlowDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var user = HttpContext.User;
        if (!(user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Legal)))
        {
            return Content(string.Empty);
        }
        var ct = HttpContext.RequestAborted;
        var incidents = await db.TenderIncidents.AsNoTracking().Where(i => i.TenderId == tenderId && i.ResolvedAtUtc == null)
            .OrderBy(i => i.OccurredAtUtc).ToListAsync(ct);
        var jobs = db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tenderId);
        var planned = await jobs.Where(j => j.State == DeadlineJobState.Scheduled).OrderBy(j => j.RunAtUtc).Take(10).ToListAsync(ct);
        var recent = await jobs.Where(j => j.State == DeadlineJobState.Done || j.State == DeadlineJobState.Skipped)
            .OrderByDescending(j => j.CompletedAtUtc).Take(10).ToListAsync(ct);
        return View("~/Features/Deadlines/_TenderDeadlineJobs.cshtml",
            new TenderDeadlineJobs(incidents, planned, recent, user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Admin), user.IsInRole(Roles.Procurement)));
    }
}
