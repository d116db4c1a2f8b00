using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TenderFlow.Web.Features.Errors;

/// <summary>
/// What a person in the portal sees when a page cannot be shown: re-executed by the status-code and exception handlers
/// for every non-API address, with the method of the failed request (a form post whose antiforgery token failed too).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusPageModel : PageModel
{
    public const string Template = "/fout/{0}";

    public int Status { get; private set; }

    /// <summary>For a server error: the request's trace id, which the log carries too, so the service desk can find it.</summary>
    public string? TraceId { get; private set; }

    /// <summary>
    /// Decided once a handler is chosen, or none is: a failed PUT or DELETE is re-executed with its own method, for which
    /// the page has no handler. Opened directly, the address is not a page of its own: it answers with the status it shows.
    /// </summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) => Decide();

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }

    private void Decide()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var routed) ? routed : 0;
        Status = reExecuted && Response.StatusCode >= 400 ? Response.StatusCode : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        TraceId = Status >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
