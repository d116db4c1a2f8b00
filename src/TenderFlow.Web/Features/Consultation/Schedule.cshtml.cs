using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Consultation;

public sealed class ScheduleModel(TenderFlowDbContext db, SessionScheduling scheduling, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public Guid TenderId { get; private set; }
    public string TenderTitle { get; private set; } = "";
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await RefuseAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var (schedule, incomplete) = Input.ToSchedule();
        var (session, violation) = schedule is null ? (null, incomplete) : await scheduling.ScheduleAsync(id, schedule, User.ToActor(), cancellationToken);
        if (session is null)
        {
            Error = PortalText.For(violation!.Message);
            ErrorField = violation.Field;
            Response.StatusCode = violation.Kind == RuleKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = string.Format(PortalText.Get("The session “{0}” has been scheduled."), session.Title);
        return Redirect($"/tenders/{id}/consultation/{session.Id}");
    }

    private async Task<IActionResult?> RefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded)
        {
            return Forbid();
        }
        TenderId = tender.Id;
        TenderTitle = tender.Title;
        return null;
    }
}
