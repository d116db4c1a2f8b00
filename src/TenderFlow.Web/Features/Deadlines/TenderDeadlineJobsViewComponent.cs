using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines;

public sealed record TenderDeadlineJobs(IReadOnlyList<TenderIncident> Incidents, IReadOnlyList<PlannedDeadlineJob> Planned, IReadOnlyList<DeadlineJob> Recent, bool MayOpenDashboard, bool MayResolve);

/// <summary>
/// On the tender page, for staff who keep the procedure on track (Procurement, Admin, Legal): open incidents first — a deadline
/// that did not act — then what the scheduler will do next and what it did last.
/// </summary>
public sealed class TenderDeadlineJobsViewComponent(TenderFlowDbContext db, TenderSteps steps, DeadlineSchedule schedule, TimeProvider clock) : ViewComponent
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
        var planned = await steps.LoadAsync(tenderId, ct) is var (tender, definition)
            ? (await schedule.WaitingAsync(tender, definition, clock.GetUtcNow().UtcDateTime, ct)).Take(10).ToList()
            : [];
        var recent = await db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tenderId).OrderByDescending(j => j.CompletedAtUtc).Take(10).ToListAsync(ct);
        return View("~/Features/Deadlines/_TenderDeadlineJobs.cshtml",
            new TenderDeadlineJobs(incidents, planned, recent, user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Admin), user.IsInRole(Roles.Procurement)));
    }
}
