using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Portal;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines.Incidents;

[Authorize(Policy = TenderPolicies.SignedIn)]
public sealed class ResolveModel(TenderSteps steps, IncidentResolution incidents, IAuthorizationService authorization) : PageModel
{
    public TenderIncident Incident { get; private set; } = null!;
    public string TenderReference { get; private set; } = "";
    public string? Error { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid incidentId, CancellationToken cancellationToken) =>
        await LoadAsync(id, incidentId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid incidentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, incidentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await incidents.ResolveAsync(id, incidentId, Note, User.ToActor(), cancellationToken) is { } violation)
        {
            Error = PortalText.For(violation.Message);
            Response.StatusCode = violation.Kind == Domain.Workflow.Runtime.RuleKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = PortalText.Get("The incident has been resolved.");
        return Redirect($"/tenders/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid incidentId, CancellationToken cancellationToken)
    {
        var loaded = await steps.LoadAsync(id, cancellationToken);
        if (loaded is not { } found || !(await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.Manage)).Succeeded)
        {
            return Forbid();
        }
        if (await incidents.FindAsync(id, incidentId, cancellationToken) is not { } incident)
        {
            return NotFound();
        }
        Incident = incident;
        TenderReference = found.Tender.Reference;
        return null;
    }
}
