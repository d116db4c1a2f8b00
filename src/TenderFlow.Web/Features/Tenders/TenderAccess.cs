using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>Per-tender checks for the API: a tender one may not read does not exist (404); one may read but not act on is 403.</summary>
public static class TenderAccess
{
    public static async Task<ProblemHttpResult?> RefuseAsync(this HttpContext http, Tender? tender, Guid id, params OperationAuthorizationRequirement[] operations)
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (tender is null || !(await authorization.AuthorizeAsync(http.User, tender, TenderOperations.Read)).Succeeded)
        {
            return TenderRules.NotFound(id).ToProblem(http);
        }
        foreach (var operation in operations)
        {
            if (!(await authorization.AuthorizeAsync(http.User, tender, operation)).Succeeded)
            {
                return Refused(operation).ToProblem(http);
            }
        }
        return null;
    }

    public static async Task<bool> MayAsync(this HttpContext http, Tender tender, OperationAuthorizationRequirement operation) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, tender, operation)).Succeeded;

    /// <summary>403 for what the caller may not do on a tender they may see, in their language.</summary>
    public static ProblemHttpResult Forbidden(this HttpContext http, OperationAuthorizationRequirement? operation = null) =>
        Refused(operation).ToProblem(http);

    private static RuleViolation Refused(OperationAuthorizationRequirement? operation) => new("TenderAccessRule", RuleKind.Forbidden, operation?.Name switch
    {
        nameof(TenderOperations.ReadConfidential) => new("U mag de vertrouwelijke stukken van deze aanbesteding niet inzien.", "You may not read this tender's confidential documents."),
        nameof(TenderOperations.ReadAudit) => new("U mag het auditspoor van deze aanbesteding niet inzien.", "You may not read this tender's audit trail."),
        nameof(TenderOperations.Manage) => new("U mag deze aanbesteding niet beheren.", "You may not manage this tender."),
        _ => new("U mag dit niet bij deze aanbesteding.", "You may not do this on this tender."),
    });
}
