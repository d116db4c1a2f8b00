using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Award.Contract;

namespace TenderFlow.Web.Features.Award;

/// <summary>The award section of the signed-in tender page: links to the award page and the contract, for those who may use them.</summary>
public sealed class TenderAwardViewComponent(TenderFlowDbContext db, AwardDecisions decisions, ContractService contracts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var user = HttpContext.User;
        var phase = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId).Select(t => t.Phase).SingleOrDefaultAsync(ct);
        var staff = user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal);
        var inAward = phase is "assessment" or "awardStandstill" or "implementation" or "awarded" or "selectionStandstill";
        var hasObjections = user.IsInRole(Roles.Bidder) && (await decisions.ViewAsync((await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, ct)), user, ct)) is { } view
            && (view.Decisions.Count > 0 || view.Objections.Count > 0 || view.MayObjectToAward || view.MayObjectToSelection);
        var links = new TenderAwardLinks(tenderId, (staff && inAward) || hasObjections,
            phase is "implementation" or "awarded" && await contracts.MayReadAsync(tenderId, user, ct));
        return links.Award || links.Contract ? View("~/Features/Award/_TenderAward.cshtml", links) : Content(string.Empty);
    }
}

public sealed record TenderAwardLinks(Guid TenderId, bool Award, bool Contract);
