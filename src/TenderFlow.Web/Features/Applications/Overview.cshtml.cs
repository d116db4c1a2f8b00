using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// Staff overview of the applications. Before the opening it shows only how many applications were submitted (as
/// TenderNed shows nothing, not even names); after it, content readers (Procurement, Legal, assigned evaluators) see
/// each submitted application, and each view is audited. Admin sees the count only.
/// </summary>
[Authorize(Roles = $"{Roles.Procurement},{Roles.Legal},{Roles.Admin},{Roles.Evaluator}")]
public sealed class OverviewModel(TenderFlowDbContext db, ApplicationReader reader, AuditWriter audit, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public bool Opened { get; private set; }
    public bool MayReadContent { get; private set; }
    public int SubmittedCount { get; private set; }
    public List<ApplicationView> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        Tender = tender;
        SubmittedCount = await reader.SubmittedCountAsync(id, cancellationToken);
        Opened = await ApplicationSeal.IsOpenedAsync(db, id, cancellationToken);
        MayReadContent = Opened && await ApplicationAccess.IsContentReaderAsync(User, id, db, cancellationToken);
        if (MayReadContent)
        {
            var submitted = await db.Applications.AsNoTracking().Where(a => a.TenderId == id && a.Status == ApplicationStatus.Submitted)
                .OrderBy(a => a.SubmittedAtUtc).ToListAsync(cancellationToken);
            var actor = User.ToActor();
            await audit.WriteAsync(actor.Id, actor.Roles.FirstOrDefault() ?? "", id,
                submitted.Select(a => new AuditRecord("application.read", $"application/{a.Id}", new { revision = a.Revision })).ToList(), cancellationToken);
            foreach (var application in submitted)
            {
                Applications.Add(await reader.ViewAsync(application, tender, Hosting.PortalCultures.Language, cancellationToken, submittedVersionsOnly: true));
            }
        }
        return Page();
    }
}
