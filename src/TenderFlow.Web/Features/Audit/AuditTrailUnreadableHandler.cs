using Microsoft.AspNetCore.Diagnostics;

namespace TenderFlow.Web.Features.Audit;

/// <summary>Answers <see cref="AuditTrailUnreadableException"/> on the API with the rule's ProblemDetails.</summary>
public sealed class AuditTrailUnreadableHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AuditTrailUnreadableException || !Hosting.ApiPaths.Contains(http.Request.Path))
        {
            return false;
        }
        await AuditEndpoints.Unreadable().ToProblem(http).ExecuteAsync(http);
        return true;
    }
}
