using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>Procurement's selection of the one candidate, and announcing it (the letters follow the step in its transaction: <see cref="SelectionLetterDispatch"/>).</summary>
public sealed class SelectionDecisions(TenderFlowDbContext db, EvaluationGate gate, EvaluationReads reads, TenderSteps steps, AuditTrail audit, TimeProvider clock)
{
    public const string LetterKind = "evaluation.letter";
    public const string AnnounceTrigger = "announceSelection";
    public const string StandstillDeadline = "selectionStandstillEnd";

    public async Task<RuleViolation?> SelectAsync(Tender tender, ClaimsPrincipal user, SelectionRequest request, CancellationToken ct)
    {
        var (reason, unreadable) = EnteredText.Read(request.Reason, "reason");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (reason?.Length > CandidateSelection.MaxReasonLength)
        {
            return EvaluationRules.TextTooLong("reason");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var fresh = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tender.Id, ct);
        var stage = await gate.StageAsync(fresh, ct);
        if (!stage.Opened)
        {
            return EvaluationRules.NotOpened();
        }
        if (!stage.DecisionOpen)
        {
            return EvaluationRules.DecisionClosed();
        }
        var ranking = await reads.BuildRankingAsync(fresh, ct);
        var row = ranking.Rows.SingleOrDefault(r => r.Candidate.ApplicationId == request.ApplicationId);
        if (row is null)
        {
            return EvaluationRules.ApplicationNotFound();
        }
        if (Unassessed(ranking) is { } incomplete)
        {
            return incomplete;
        }
        if (row.Standing != CandidateStanding.Ranked)
        {
            return EvaluationRules.NotRankable();
        }
        var soleFirst = row.Rank == 1 && !row.Tied;
        if (!soleFirst && string.IsNullOrEmpty(reason))
        {
            return EvaluationRules.DeviationReasonRequired();
        }
        var actor = user.ToActor();
        var selection = await db.CandidateSelections.SingleOrDefaultAsync(s => s.TenderId == tender.Id, ct);
        var previous = selection?.ApplicationId;
        if (selection is null)
        {
            selection = new CandidateSelection { TenderId = tender.Id, DecidedByUserId = actor.Id };
            db.CandidateSelections.Add(selection);
        }
        selection.ApplicationId = request.ApplicationId;
        selection.Rank = row.Rank!.Value;
        selection.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        selection.DecidedByUserId = actor.Id;
        selection.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tender.Id,
            [new AuditRecord("evaluation.candidate.selected", $"application/{request.ApplicationId}", new
            {
                rank = selection.Rank, tied = row.Tied, total = row.Total, reason = selection.Reason, previous,
                basis = soleFirst ? "rank1" : row.Rank == 1 ? "lot" : "deviation",
            })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Refused while a candidate still lacks knock-out verdicts or consensus scores: "rank 1" among part of them decides nothing.</summary>
    public static RuleViolation? Unassessed(RankingView ranking) =>
        ranking.Rows.Count(r => r.Standing == CandidateStanding.Incomplete) is > 0 and var missing ? EvaluationRules.AssessmentIncomplete(missing) : null;

    /// <summary>
    /// Whether the selection recorded still follows from the assessment as it is now, at the moment it is announced: the
    /// chair can still correct a consensus score or a knock-out after the selection was made. Every candidate assessed, the
    /// chosen one still ranked at the rank recorded, and sole first unless a reason was given.
    /// </summary>
    public static RuleViolation? Outdated(RankingView ranking, CandidateSelection selection)
    {
        if (Unassessed(ranking) is { } incomplete)
        {
            return incomplete;
        }
        var row = ranking.Rows.SingleOrDefault(r => r.Candidate.ApplicationId == selection.ApplicationId);
        var holds = row is { Standing: CandidateStanding.Ranked, Rank: { } rank } && rank == selection.Rank
            && ((rank == 1 && !row.Tied) || !string.IsNullOrEmpty(selection.Reason));
        return holds ? null : EvaluationRules.SelectionOutdated();
    }

    /// <summary>
    /// Fires <c>announceSelection</c>; <see cref="SelectionLetterDispatch"/> sends the letters inside that step's transaction
    /// (so the tender page's button and the generic trigger API send them too). A refused step writes nothing.
    /// </summary>
    public async Task<(IReadOnlyList<LetterView> Letters, RuleViolation? Violation)> AnnounceAsync(Guid tenderId, ClaimsPrincipal user, long? expectedRevision, CancellationToken ct)
    {
        var report = await steps.FireAsync(tenderId, AnnounceTrigger, null, expectedRevision, user.ToActor(), ct);
        return report.Violation is not null ? ([], report.Violation) : (await LettersForAsync(tenderId, user, ct), null);
    }

    /// <summary>The letters the user may read: their own organisation's (bidders), all (Procurement, Legal).</summary>
    public async Task<IReadOnlyList<LetterView>> LettersForAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct)
    {
        var letters = await db.SelectionLetters.AsNoTracking().Where(l => l.TenderId == tenderId).ToListAsync(ct);
        var result = new List<LetterView>();
        foreach (var letter in letters.OrderByDescending(l => l.SentAtUtc))
        {
            if (await MayReadLetterAsync(db, letter.ApplicationId, user, ct))
            {
                var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == letter.ApplicationId, ct);
                result.Add(new LetterView(letter.ApplicationId, (await reads.CandidateAsync(application, ct)).Name, letter.Selected, letter.DocumentId, letter.StandstillEndUtc, letter.SentAtUtc));
            }
        }
        return result;
    }

    /// <summary>
    /// The current letter to one candidate, rebuilt for the page in the reader's language from the evaluation, which stays
    /// as announced until the selection is revised (<c>reviseSelection</c>). After that the evaluation is being redone and
    /// the rebuilt text would show unannounced scores and choices: <see cref="PdfReport"/> is then null and the letter as
    /// sent (its PDF) is all there is.
    /// </summary>
    public async Task<(PdfReport? Report, SelectionLetter Letter)?> LetterAsync(Tender tender, Guid applicationId, string language, CancellationToken ct)
    {
        var letter = await db.SelectionLetters.AsNoTracking().Where(l => l.TenderId == tender.Id && l.ApplicationId == applicationId)
            .OrderByDescending(l => l.SentAtUtc).FirstOrDefaultAsync(ct);
        if (letter is null)
        {
            return null;
        }
        var revision = $"\"trigger\":\"{Award.AwardNames.ReviseSelectionTrigger}\"";
        if (await db.AuditEvents.AsNoTracking().AnyAsync(e => e.TenderId == tender.Id && e.Action == Audit.TenderHistory.StepAction
                && e.OccurredAtUtc > letter.SentAtUtc && e.PayloadJson.Contains(revision), ct))
        {
            return (null, letter);
        }
        var ranking = await reads.BuildRankingAsync(tender, ct);
        var selection = await db.CandidateSelections.AsNoTracking().SingleAsync(s => s.TenderId == tender.Id, ct);
        var row = ranking.Rows.Single(r => r.Candidate.ApplicationId == applicationId);
        var selected = ranking.Rows.Single(r => r.Candidate.ApplicationId == selection.ApplicationId);
        var content = await SelectionLetterDispatch.ContentAsync(reads, tender, ranking, row, selected, await reads.RequirementsAsync(tender.Id, ct), letter.StandstillEndUtc, selection.Reason, ct);
        return (SelectionLetterBuilder.Build(content, language), letter);
    }

    public static async Task<bool> MayReadLetterAsync(TenderFlowDbContext db, Guid applicationId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal))
        {
            return true;
        }
        if (!user.IsInRole(Roles.Bidder) || user.OrganisationId() is not { } organisation)
        {
            return false;
        }
        return await db.Applications.AnyAsync(a => a.Id == applicationId
            && (a.LeadOrganisationId == organisation || a.Members.Any(m => m.OrganisationId == organisation)), ct);
    }

    public static string Owner(Guid applicationId) => $"application/{applicationId}";
}
