using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>One decision's dossier: what, when, why, who, which documents (with hashes), the definition and the audit events.</summary>
public sealed class BesluitModel(TenderFlowDbContext db, IAuthorizationService authorization, DecisionDossiers dossiers) : PageModel
{
    public TenderDecisions Decisions { get; private set; } = null!;
    public Decision Decision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        var (tender, refused) = await DecisionPageAccess.LoadAsync(db, authorization, User, id, this, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        Decisions = await dossiers.BuildAsync(tender!, cancellationToken);
        if (Decisions.Find(key) is not { } decision)
        {
            return NotFound();
        }
        Decision = decision;
        return Page();
    }
}
