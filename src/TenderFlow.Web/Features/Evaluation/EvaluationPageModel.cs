using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>The evaluation pages' common part: the tender (404 when one may not see it) and how a broken rule is shown.</summary>
public abstract class EvaluationPageModel(TenderSteps steps, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public string? Error { get; protected set; }

    /// <summary>The field the refusal is about, so that field can point to the message.</summary>
    public string? ErrorField { get; protected set; }

    public Shared.FieldError ErrorOf(string field) => Shared.FieldError.For(ErrorField, field);

    protected async Task<bool> LoadTenderAsync(Guid id, CancellationToken ct)
    {
        var loaded = await steps.LoadAsync(id, ct);
        if (loaded is not { } found || !(await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        Tender = found.Tender;
        return true;
    }

    protected async Task<bool> MayAsync(Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, Tender, operation)).Succeeded;

    /// <summary>Shows the rule's message with the matching status; not-found and forbidden end the page as such.</summary>
    protected IActionResult? Refuse(RuleViolation? violation)
    {
        if (violation is null)
        {
            return null;
        }
        switch (violation.Kind)
        {
            case RuleKind.NotFound:
                return NotFound();
            case RuleKind.Forbidden:
                return Forbid();
        }
        Error = PortalText.For(violation.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind == RuleKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return null;
    }

    protected IActionResult Done(string messageKey)
    {
        TempData["Message"] = PortalText.Get(messageKey);
        return Redirect(Request.Path + Request.QueryString);
    }
}

/// <summary>A score row as the portal form posts it (a missing radio choice arrives as null, and is refused by the rule).</summary>
public sealed class ScoreInput
{
    public Guid CriterionId { get; set; }
    public int? Score { get; set; }
    public string? Motivation { get; set; }

    public static ScoreSheetRequest Sheet(IReadOnlyList<ScoreInput>? rows) =>
        new(rows is null || rows.Any(r => r.Score is null) ? [] : rows.Select(r => new CriterionScore(r.CriterionId, r.Score!.Value, r.Motivation)).ToList());
}
