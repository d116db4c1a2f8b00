using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features;

/// <summary>The one mapping from a broken business rule to an HTTP problem (RFC 9457).</summary>
public static class RuleViolationResults
{
    public static ProblemHttpResult ToProblem(this RuleViolation violation, HttpContext http)
    {
        var language = Hosting.PortalCultures.RequestLanguage(http);
        var status = violation.Kind switch
        {
            RuleKind.NotFound => StatusCodes.Status404NotFound,
            RuleKind.Forbidden => StatusCodes.Status403Forbidden,
            RuleKind.Conflict => StatusCodes.Status409Conflict,
            RuleKind.Invalid => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?> { ["rule"] = violation.Rule };
        if (violation.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [violation.Field] = [violation.Message.For(language)] };
        }
        if (violation.UnmetGuards.Count > 0)
        {
            extensions["unmetGuards"] = violation.UnmetGuards.Select(g => new { guard = g.Guard, reason = g.Explanation.For(language) }).ToList();
        }
        return TypedResults.Problem(detail: violation.Message.For(language), statusCode: status, title: violation.Rule, extensions: extensions);
    }
}
