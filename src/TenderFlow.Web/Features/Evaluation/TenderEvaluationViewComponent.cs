using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>The evaluation section of the signed-in tender page: where each role goes next (the pages check access themselves).</summary>
public sealed class TenderEvaluationViewComponent(TenderFlowDbContext db, SelectionDecisions decisions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var user = HttpContext.User;
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        var model = new TenderEvaluationLinks(tenderId,
            user.IsInRole(Roles.Evaluator) && await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == tenderId && a.UserId == userId),
            user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal),
            (await decisions.LettersForAsync(tenderId, user, HttpContext.RequestAborted)).Count > 0);
        return model.Any ? View("~/Features/Evaluation/_TenderEvaluation.cshtml", model) : Content(string.Empty);
    }
}

public sealed record TenderEvaluationLinks(Guid TenderId, bool Workspace, bool Decision, bool Letters)
{
    public bool Any => Workspace || Decision || Letters;
}
