using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Tenders;

public sealed class AuditModel(TenderFlowDbContext db, IAuthorizationService authorization, DataDirectory data, TimeProvider clock) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    /// <summary>A row of this tender's trail holds a value no event can (written behind the app's back): the list cannot be shown, the verification says where.</summary>
    public bool EventsUnreadable { get; private set; }
    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();
    public AuditVerification Verification { get; private set; } = AuditVerification.Ok(0, AuditCanonicalForm.GenesisHash);

    /// <summary>What the person typed to check against, as typed.</summary>
    public string? AnchorText { get; private set; }

    public AuditAnchor? Anchor { get; private set; }

    public AnchorBreak? AnchorBreak { get; private set; }

    public bool AnchorInvalid { get; private set; }

    public string AnchorToKeep => $"{Verification.EventCount}:{Verification.HeadHash}";

    /// <summary>When the daily anchor mail last went out (UTC), or null when it never did.</summary>
    public DateTime? LastDailyAnchorUtc { get; private set; }

    /// <summary>An event has waited more than two days for its anchor: a job server that is down or failing must not go unnoticed by Legal.</summary>
    public bool DailyAnchorOverdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? anchor, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, tender, TenderOperations.ReadAudit)).Succeeded)
        {
            return Forbid();
        }
        Tender = tender;
        var events = await AuditEndpoints.ReadableAsync(db.AuditEvents.AsNoTracking().Where(e => e.TenderId == id).OrderBy(e => e.Sequence), cancellationToken);
        var visibility = await AuditVisibility.ForAsync(db, User, [id], cancellationToken);
        (Events, EventsUnreadable) = (events?.Select(visibility.Apply).ToList() ?? [], events is null);
        var actorIds = Events.Select(e => e.ActorId).Distinct().ToList();
        ActorNames = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        AnchorText = anchor;
        AnchorInvalid = !string.IsNullOrWhiteSpace(anchor) && !AuditAnchor.TryParse(anchor, out _);
        AuditAnchor.TryParse(anchor, out var parsed);
        var verification = AnchoredVerification.Run(data.ConnectionString, parsed);
        (Verification, Anchor, AnchorBreak) = (verification.Chain, verification.Anchor, verification.AnchorBreak);
        LastDailyAnchorUtc = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAnchorMail.SentAction)
            .OrderByDescending(e => e.Sequence).Select(e => (DateTime?)e.OccurredAtUtc).FirstOrDefaultAsync(cancellationToken);
        // Overdue only when something written has waited too long for its anchor: on a quiet weekend no anchor is due at all.
        DailyAnchorOverdue = await AuditAnchorMail.UnanchoredAsync(db, clock.GetUtcNow().UtcDateTime - AuditAnchorMail.OverdueAfter, cancellationToken);
        return Page();
    }
}
