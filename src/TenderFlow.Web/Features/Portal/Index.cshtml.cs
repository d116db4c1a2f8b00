using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Portal;

/// <summary>One start page, shaped by role: who you are decides which tenders you see and what you can do.</summary>
public sealed class IndexModel(TenderFlowDbContext db, TenderSteps steps, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TenderCard> Tenders { get; private set; } = [];
    public string Heading { get; private set; } = "";
    public bool CanAct { get; private set; }
    public bool ShowsAuditLinks { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Heading, CanAct) = true switch
        {
            _ when User.IsInRole(Roles.Procurement) => ("All tenders", true),
            _ when User.IsInRole(Roles.Legal) => ("All tenders (read-only)", false),
            _ when User.IsInRole(Roles.Admin) => ("All tenders (read-only)", false),
            _ when User.IsInRole(Roles.Evaluator) => ("Tenders you assess", false),
            _ when User.IsInRole(Roles.Bidder) => ("Public tenders and those your organisation takes part in", false),
            _ => ("Public tenders", false),
        };
        ShowsAuditLinks = User.IsInRole(Roles.Legal) || User.IsInRole(Roles.Procurement) || User.IsInRole(Roles.Admin);
        var ids = await db.Tenders.AsNoTracking().VisibleTo(User, db).OrderBy(t => t.Reference).Select(t => t.Id).ToListAsync(cancellationToken);
        var actor = User.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        var cards = new List<TenderCard>();
        foreach (var id in ids)
        {
            var (tender, definition) = (await steps.LoadAsync(id, cancellationToken))!.Value;
            cards.Add(new TenderCard(tender, definition, await steps.AvailabilityAsync(tender, definition, actor, cancellationToken), now));
        }
        Tenders = cards;
    }
}
