using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Submission;

/// <summary>The submission and quality-assessment section of the tender page, from the submission phase on, for those with a part in it.</summary>
public sealed class TenderSubmissionViewComponent(TenderFlowDbContext db, SubmissionReader reader, DefinitionCatalog catalog) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, ct);
        if (tender is null)
        {
            return Content(string.Empty);
        }
        var capabilities = (await catalog.ForHashAsync(db, tender.DefinitionHash, ct)).Phase(tender.Phase).Capabilities;
        var reached = capabilities.Any(c => c.StartsWith("submission.", StringComparison.Ordinal) || c == Assessment.QualityAssessment.Capability)
            || await db.TenderSubmissions.AnyAsync(s => s.TenderId == tenderId, ct);
        var user = HttpContext.User;
        var participant = await Participation.SelectedParticipant.IsParticipantAsync(db, tenderId, user, ct);
        var staff = await reader.IsStaffOfAsync(tenderId, user, ct);
        if (!reached || (!participant && !staff))
        {
            return Content(string.Empty);
        }
        var status = (await db.TenderSubmissions.AsNoTracking().Where(s => s.TenderId == tenderId).Select(s => (Domain.Submission.SubmissionStatus?)s.Status).SingleOrDefaultAsync(ct))?.ToString() ?? "NotStarted";
        var assessor = user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || (user.IsInRole(Roles.Evaluator) && staff);
        return View("~/Features/Submission/_TenderSubmission.cshtml", new TenderSubmissionLinks(tenderId, status, assessor, user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal)));
    }
}

public sealed record TenderSubmissionLinks(Guid TenderId, string Status, bool Assessment, bool Opening);
