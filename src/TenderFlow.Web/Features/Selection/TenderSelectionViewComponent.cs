using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Applications;

namespace TenderFlow.Web.Features.Selection;

/// <summary>A link of the selection section: resource key of its text, and where it goes.</summary>
public sealed record SelectionLink(string TextKey, string Href, string Id);

/// <summary>The selection section of the signed-in tender page (applications, opening, evaluation, decision): a list of links.</summary>
public sealed class TenderSelectionViewComponent(TenderFlowDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId);
        // Only procedures with a selection round (an application deadline) have this section.
        if (tender is null || !tender.Deadlines.Any(d => d.Key == ApplicationSeal.DeadlineKey))
        {
            return Content(string.Empty);
        }
        var links = Links(tenderId, UserClaimsPrincipal);
        return links.Count == 0 ? Content(string.Empty) : View("~/Features/Selection/_TenderSelection.cshtml", links);
    }

    /// <summary>Which selection pages this user has; other features (evaluation) add theirs here.</summary>
    public static List<SelectionLink> Links(Guid tenderId, System.Security.Claims.ClaimsPrincipal user)
    {
        var links = new List<SelectionLink>();
        if (user.IsInRole(Roles.Bidder) && user.OrganisationId() is not null)
        {
            links.Add(new("Your application", $"/tenders/{tenderId}/application", "link-application"));
        }
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Evaluator))
        {
            links.Add(new("Applications", $"/tenders/{tenderId}/applications", "link-applications"));
        }
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin))
        {
            links.Add(new("Four-eyes opening of the applications", $"/tenders/{tenderId}/openings/{ApplicationSeal.Vault}", "link-opening"));
        }
        return links;
    }
}
