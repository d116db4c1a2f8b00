using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Questions;

namespace TenderFlow.Web.Features.Publication;

/// <summary>
/// The published documents, selection guideline and published questions and answers on the anonymous tender page.
/// Whoever is signed in, this shows only what the public may see (the page is the same for everyone).
/// </summary>
public sealed class PublicPublicationViewComponent(TenderFlowDbContext db, PublicationDocuments documents, SelectionGuideline guideline,
    QuestionDesk desk, InformationNotes notes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId && t.AnnouncedAtUtc != null, ct);
        if (tender is null)
        {
            return Content(string.Empty);
        }
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        var model = new PublicPublicationModel(
            await documents.ListAsync(tender, anonymous, ct),
            await guideline.IsVisibleToCandidatesAsync(tender, ct) ? await guideline.ViewAsync(tender, ct) : null,
            new PublishedAnswersModel(await desk.PublishedAsync(tenderId, ct), await notes.ListAsync(tenderId, ct), "pub-"));
        return View("~/Features/Publication/_PublicPublication.cshtml", model);
    }
}

public sealed record PublicPublicationModel(IReadOnlyList<PublicationDocumentView> Documents, GuidelineView? Guideline, PublishedAnswersModel Answers);
