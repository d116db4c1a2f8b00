using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>The decisions of a tender, grouped by kind (oldest first), each linking its dossier and its printable record.</summary>
public sealed class BesluitenModel(TenderFlowDbContext db, IAuthorizationService authorization, DecisionDossiers dossiers) : PageModel
{
    public TenderDecisions Decisions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (tender, refused) = await DecisionPageAccess.LoadAsync(db, authorization, User, id, this, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        Decisions = await dossiers.BuildAsync(tender!, cancellationToken);
        return Page();
    }
}

/// <summary>As the audit page: a tender one may not read does not exist (404); reading its decisions needs ReadAudit (403).</summary>
public static class DecisionPageAccess
{
    public static async Task<(Tender? Tender, IActionResult? Refused)> LoadAsync(TenderFlowDbContext db, IAuthorizationService authorization,
        System.Security.Claims.ClaimsPrincipal user, Guid id, PageModel page, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(user, tender, TenderOperations.Read)).Succeeded)
        {
            return (null, page.NotFound());
        }
        if (!(await authorization.AuthorizeAsync(user, tender, TenderOperations.ReadAudit)).Succeeded)
        {
            return (null, page.Forbid());
        }
        return (tender, null);
    }
}
