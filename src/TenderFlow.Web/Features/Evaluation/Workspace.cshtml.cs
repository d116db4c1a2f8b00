using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

public sealed class WorkspaceModel(TenderSteps steps, IAuthorizationService authorization, EvaluationReads reads, Declarations declarations)
    : EvaluationPageModel(steps, authorization)
{
    public WorkspaceView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!User.IsInRole(Roles.Evaluator))
        {
            return Forbid();
        }
        View = await reads.WorkspaceAsync(Tender, User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, string? conflict, string? explanation, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!User.IsInRole(Roles.Evaluator))
        {
            return Forbid();
        }
        var violation = await declarations.DeclareAsync(Tender, User, new DeclarationRequest(conflict == "yes", explanation), ct);
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        if (violation is null)
        {
            return Done("Your declaration has been recorded.");
        }
        View = await reads.WorkspaceAsync(Tender, User, ct);
        return Page();
    }
}
