using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type) into a 400 ProblemDetails
/// that names the offending field, instead of a bare status code.
/// </summary>
public sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The portal shows its own page for the status (Errors/StatusPage).
        if (exception is not BadHttpRequestException bad || !Hosting.ApiPaths.Contains(http.Request.Path))
        {
            return false;
        }
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var message = json is null
            ? bad.Message
            : $"The value at '{field}' is not valid JSON of the expected type (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
        http.Response.StatusCode = bad.StatusCode;
        var details = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = "InvalidRequestRule",
            Detail = message,
        };
        details.Extensions["rule"] = "InvalidRequestRule";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
