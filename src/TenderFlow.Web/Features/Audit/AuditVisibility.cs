using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Applications;
using TenderFlow.Web.Features.AuditExport;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// What one reader sees of audit events. Legal sees every event in full: the trail is their evidence. Procurement and
/// Admin read the trail too, but
/// <list type="bullet">
/// <item>an event holding confidential text (<see cref="ExportEventContent"/>: dialogue content, evaluators' judgements
/// and motivations, a bidder's answers or question) shows them that it happened, when, by whom and its hash, with the
/// payload withheld (otherwise Procurement would read each evaluator's judgement before the consensus, and Admin the
/// dialogue);</item>
/// <item>until the selection vault is opened, a bidder's work on an application (<see cref="RevealsApplicant"/>) shows
/// neither actor nor payload: who applied stays sealed until the opening, as on the applications page;</item>
/// <item>who asked a question (<c>question.asked</c>) is shown to Procurement, who answers it, not to Admin.</item>
/// </list>
/// The hash chain is untouched: a withheld event keeps its sequence and hashes.
/// </summary>
public sealed class AuditVisibility
{
    public const string WithheldJson = """{"withheld":"confidential content: in full for Legal only"}""";
    public const string SealedActor = "sealed:applicant";

    private const string QuestionAsked = "question.asked";

    private readonly bool _full;
    private readonly bool _readsAskers;
    private readonly IReadOnlySet<Guid> _sealedTenders;

    private AuditVisibility(bool full, bool readsAskers, IReadOnlySet<Guid> sealedTenders) =>
        (_full, _readsAskers, _sealedTenders) = (full, readsAskers, sealedTenders);

    public static Task<AuditVisibility> ForAsync(TenderFlowDbContext db, ClaimsPrincipal reader, IReadOnlyCollection<Guid> tenderIds, CancellationToken ct) =>
        ForAsync(db, reader.IsInRole(Roles.Legal), reader.IsInRole(Roles.Procurement), tenderIds, ct);

    public static async Task<AuditVisibility> ForAsync(TenderFlowDbContext db, bool readerIsLegal, bool readerIsProcurement, IReadOnlyCollection<Guid> tenderIds, CancellationToken ct)
    {
        if (readerIsLegal)
        {
            return new AuditVisibility(true, true, new HashSet<Guid>());
        }
        var opened = await db.VaultOpenings.AsNoTracking()
            .Where(o => tenderIds.Contains(o.TenderId) && o.Vault == ApplicationSeal.Vault && o.CompletedAtUtc != null)
            .Select(o => o.TenderId).ToListAsync(ct);
        return new AuditVisibility(false, readerIsProcurement, tenderIds.Except(opened).ToHashSet());
    }

    /// <summary>
    /// A bidder's work on an application: the application's own events, its uploads, its members joining the tender. Not
    /// a bidder reading (a publication document, say): reading tells nothing of applying.
    /// </summary>
    public static bool RevealsApplicant(AuditEvent e) =>
        e.ActorRole == Roles.Bidder
        && (e.Action.StartsWith("application.", StringComparison.Ordinal) || e.Action == "document.uploaded" || e.Action is "tender.participant.added" or "tender.participant.removed");

    public bool HidesActor(AuditEvent e) =>
        !_full && ((e.TenderId is { } tender && _sealedTenders.Contains(tender) && RevealsApplicant(e)) || (!_readsAskers && e.Action == QuestionAsked));

    /// <summary>The event as this reader may see it: the same object when nothing is hidden.</summary>
    public AuditEvent Apply(AuditEvent e)
    {
        if (_full)
        {
            return e;
        }
        var hidesActor = HidesActor(e);
        if (!hidesActor && ExportEventContent.WithheldReason(e) is null)
        {
            return e;
        }
        return new AuditEvent
        {
            // The subject too: tender.participant.added names the organisation (organisation/{id}).
            Sequence = e.Sequence, OccurredAtUtc = e.OccurredAtUtc, ActorId = hidesActor ? SealedActor : e.ActorId, ActorRole = e.ActorRole,
            TenderId = e.TenderId, Action = e.Action, Subject = hidesActor ? SealedActor : e.Subject, PayloadJson = WithheldJson, PreviousHash = e.PreviousHash, Hash = e.Hash,
        };
    }
}
