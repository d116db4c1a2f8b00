using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Questions;

namespace TenderFlow.Web.Features.Publication;

/// <summary>The publication and Q&amp;A section of the signed-in tender page.</summary>
public sealed class TenderPublicationViewComponent(TenderFlowDbContext db, PublicationDocuments documents, SelectionGuideline guideline,
    QuestionDesk desk, InformationNotes notes, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, ct);
        if (tender is null || !(await authorization.AuthorizeAsync(UserClaimsPrincipal, tender, TenderOperations.Read)).Succeeded)
        {
            return Content(string.Empty);
        }
        var user = UserClaimsPrincipal;
        var staff = PublicationStage.IsAuthorityStaff(user);
        var candidate = user.IsInRole(Roles.Bidder) && user.OrganisationId() is not null;
        var model = new PublicationSectionModel(
            tender,
            await documents.ListAsync(tender, user, ct),
            staff || await guideline.IsVisibleToCandidatesAsync(tender, ct) ? await guideline.ViewAsync(tender, ct) : null,
            staff,
            (await authorization.AuthorizeAsync(user, tender, TenderOperations.Manage)).Succeeded,
            candidate,
            candidate ? await desk.QuestionsClosedAsync(tender, ct) : null,
            candidate ? await desk.OwnAsync(tenderId, user.OrganisationId()!.Value, ct) : [],
            QuestionDesk.MayReadAskers(user),
            QuestionDesk.MayReadAskers(user) ? await desk.CasesAsync(tenderId, ct) : [],
            new PublishedAnswersModel(await desk.PublishedAsync(tenderId, ct), await notes.ListAsync(tenderId, ct), "tp-"));
        return View("~/Features/Publication/_TenderPublication.cshtml", model);
    }
}
