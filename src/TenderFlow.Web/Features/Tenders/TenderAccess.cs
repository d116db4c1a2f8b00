using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Tenders;
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
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "TenderAccessRule",
                    detail: $"You may not {operation.Name} this tender.", extensions: new Dictionary<string, object?> { ["rule"] = "TenderAccessRule" });
            }
        }
        return null;
    }

    public static async Task<bool> MayAsync(this HttpContext http, Tender tender, OperationAuthorizationRequirement operation) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, tender, operation)).Succeeded;
}
