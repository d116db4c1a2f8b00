using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Portal;

namespace TenderFlow.Web.Features.Tenders;

public sealed class DetailsModel(TenderSteps steps, WorkflowEngine engine, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public TenderCard Card { get; private set; } = null!;
    public string Mermaid { get; private set; } = "";
    public bool MayReadConfidential { get; private set; }
    public bool MayReadAudit { get; private set; }
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }
    public string? FailedTrigger { get; private set; }

    /// <summary>The reason as typed into the refused step's form, given back so nobody types it twice.</summary>
    public string? FailedReason { get; private set; }

    /// <summary>Whether the refusal is about the reason field itself (then it is marked and described there).</summary>
    public bool ReasonRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFireAsync(Guid id, string? trigger, string? reason, string? expectedRevision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // A trigger this person may not fire from here is refused by the engine (403, 404, 409) whatever the form lacks.
        var (revision, incomplete) = FormRevision.Read(expectedRevision);
        var report = incomplete is not null && Card.OwnTriggers.Any(t => t.Trigger.Id == trigger)
            ? new StepReport(null, null, incomplete)
            : await steps.FireAsync(id, trigger ?? "", reason, incomplete is null ? revision : null, User.ToActor(), cancellationToken);
        if (report.Violation is { } violation)
        {
            Error = PortalText.For(violation.Message);
            (FailedTrigger, FailedReason, ReasonRefused) = (trigger, reason, violation.Field == "reason");
            Response.StatusCode = violation.Kind switch
            {
                RuleKind.Invalid => StatusCodes.Status400BadRequest,
                RuleKind.Forbidden => StatusCodes.Status403Forbidden,
                RuleKind.NotFound => StatusCodes.Status404NotFound,
                RuleKind.Conflict => StatusCodes.Status409Conflict,
            };
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        var phase = Card.Definition.Phase(report.Outcome!.ToPhase);
        TempData["Message"] = string.Format(PortalText.Get("Done: the tender is now in phase “{0}”."), PortalText.For(phase.Title));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnnounceAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        if (await steps.AnnounceAsync(id, User.ToActor(), cancellationToken) is { } violation)
        {
            Error = PortalText.For(violation.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Message"] = PortalText.Get("The tender is now public.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await steps.LoadAsync(id, cancellationToken);
        if (loaded is not { } found || !(await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        var availability = await steps.AvailabilityAsync(found.Tender, found.Definition, User.ToActor(), cancellationToken);
        Card = new TenderCard(found.Tender, found.Definition, availability, clock.GetUtcNow().UtcDateTime);
        Mermaid = engine.ToMermaid(found.Definition, found.Tender.Phase);
        MayReadConfidential = (await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.ReadConfidential)).Succeeded;
        MayReadAudit = (await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.ReadAudit)).Succeeded;
        MayManage = (await authorization.AuthorizeAsync(User, found.Tender, TenderOperations.Manage)).Succeeded;
        return true;
    }
}
