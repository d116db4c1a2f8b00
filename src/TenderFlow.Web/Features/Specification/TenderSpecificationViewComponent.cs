using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Specification;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Specification;

public sealed record TenderSpecificationSummary(Guid TenderId, string Status, int? Version, bool Staff);

/// <summary>The final-specification section of the tender page: status and a link, for those who may read it, once there is something to read or to draft.</summary>
public sealed class TenderSpecificationViewComponent(TenderFlowDbContext db, SpecificationAccess access, Hosting.DefinitionCatalog catalog) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId);
        if (tender is null)
        {
            return Content(string.Empty);
        }
        var audience = await access.AudienceAsync(tender, UserClaimsPrincipal, HttpContext.RequestAborted);
        if (audience == SpecificationAudience.None)
        {
            return Content(string.Empty);
        }
        var versions = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tenderId).OrderBy(v => v.Number).ToListAsync();
        var reviews = await db.SpecificationReviews.AsNoTracking().Where(r => r.TenderId == tenderId).ToListAsync();
        var approved = versions.Where(v => reviews.Any(r => r.VersionId == v.Id && r.Verdict == ReviewVerdict.Approved)).ToList();
        if (audience == SpecificationAudience.Staff)
        {
            var drafting = (await catalog.ForHashAsync(db, tender.DefinitionHash, HttpContext.RequestAborted)).Phase(tender.Phase).Capabilities.Contains(SpecificationRules.DraftingCapability);
            if (versions.Count == 0 && !drafting)
            {
                return Content(string.Empty);
            }
            var latest = versions.LastOrDefault();
            var status = VersionDiffView.Camel(SpecificationRules.StatusOf(latest, reviews).ToString());
            return View("~/Features/Specification/_TenderSpecification.cshtml", new TenderSpecificationSummary(tenderId, status, latest?.Number, true));
        }
        var shown = audience == SpecificationAudience.Evaluator
            ? (versions.LastOrDefault() is { } last && approved.Contains(last) ? last : null)
            : approved.LastOrDefault();
        return shown is null
            ? Content(string.Empty)
            : View("~/Features/Specification/_TenderSpecification.cshtml", new TenderSpecificationSummary(tenderId, "approved", shown.Number, false));
    }
}
