using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Public;

/// <summary>The anonymous page of an announced tender: what anyone may know (sessions, published documents, published Q&amp;A).</summary>
[AllowAnonymous]
public sealed class TenderModel(TenderFlowDbContext db, DefinitionCatalog catalog) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Reference == reference && t.AnnouncedAtUtc != null, cancellationToken);
        if (tender is null)
        {
            return NotFound();
        }
        Tender = tender;
        Definition = await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken);
        return Page();
    }
}
