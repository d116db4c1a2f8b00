using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>Procurement's selection of the one candidate, and announcing it: letters, notifications and the phase change in one transaction.</summary>
public sealed class SelectionDecisions(TenderFlowDbContext db, EvaluationGate gate, EvaluationReads reads, TenderSteps steps, DocumentIntake intake,
    Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public const string LetterKind = "evaluation.letter";
    public const string AnnounceTrigger = "announceSelection";
    public const string StandstillDeadline = "selectionStandstillEnd";

    public async Task<RuleViolation?> SelectAsync(Tender tender, ClaimsPrincipal user, SelectionRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
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

    /// <summary>
    /// Fires <c>announceSelection</c> and, in the same transaction, generates and sends every candidate's letter with the
    /// standstill end the step just computed. A refused step writes nothing: no letters, no notifications.
    /// </summary>
    public async Task<(IReadOnlyList<LetterView> Letters, RuleViolation? Violation)> AnnounceAsync(Guid tenderId, ClaimsPrincipal user, long? expectedRevision, CancellationToken ct)
    {
        var actor = user.ToActor();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await steps.FireWithinTransactionAsync(tenderId, AnnounceTrigger, null, expectedRevision, actor, ct);
        if (report.Violation is not null)
        {
            return ([], report.Violation);
        }
        var tender = report.Tender!;
        var standstill = tender.Deadline(StandstillDeadline)?.DueAtUtc
            ?? throw new InvalidOperationException($"Entering {tender.Phase} did not plan {StandstillDeadline}.");
        var ranking = await reads.BuildRankingAsync(tender, ct);
        var selection = await db.CandidateSelections.AsNoTracking().SingleAsync(s => s.TenderId == tenderId, ct);
        var selected = ranking.Rows.Single(r => r.Candidate.ApplicationId == selection.ApplicationId);
        var requirements = await reads.RequirementsAsync(tenderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var letters = new List<LetterView>();
        var records = new List<AuditRecord>();
        foreach (var row in ranking.Rows)
        {
            var content = await ContentAsync(tender, ranking, row, selected, requirements, standstill, ct);
            var pdf = PdfRenderer.Render(SelectionLetterBuilder.Build(content, "nl"), now);
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == row.Candidate.ApplicationId, ct);
            using var stream = new MemoryStream(pdf);
            var (document, uploaded) = await intake.RecordGeneratedAsync(db, stream, $"selectiebeslissing-{tender.Reference}.pdf", DocumentFormat.Pdf,
                new DocumentTarget(tenderId, Owner(application.Id), LetterKind, application.LeadOrganisationId), actor.Id, ct);
            var isSelected = row == selected;
            var letter = new SelectionLetter
            {
                Id = Guid.NewGuid(), TenderId = tenderId, ApplicationId = application.Id, DocumentId = document.Id,
                Selected = isSelected, StandstillEndUtc = standstill, SentAtUtc = now,
            };
            db.SelectionLetters.Add(letter);
            var members = application.Members.Select(m => m.OrganisationId).Append(application.LeadOrganisationId).Distinct().ToList();
            await notifier.NotifyOrganisationsAsync(db, members, tenderId, "evaluation.letter",
                new($"De selectiebeslissing voor {tender.Title} is bekend: u bent {(isSelected ? "geselecteerd" : "niet geselecteerd")}. Lees de brief in het portaal.",
                    $"The selection decision for {tender.Title} has been announced: you have {(isSelected ? "been selected" : "not been selected")}. Read the letter in the portal."),
                $"/tenders/{tenderId}/beoordeling/brief?applicationId={application.Id}", ct);
            records.Add(uploaded);
            records.Add(new AuditRecord("evaluation.letter.sent", $"application/{application.Id}",
                new { documentId = document.Id, selected = isSelected, standstillEndUtc = standstill, organisations = members }));
            letters.Add(new LetterView(application.Id, row.Candidate.Name, isSelected, document.Id, standstill, now));
        }
        records.Add(new AuditRecord("evaluation.selection.announced", $"application/{selection.ApplicationId}",
            new { letters = letters.Count, standstillEndUtc = standstill }));
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId, records, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (letters, null);
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

    /// <summary>The current letter to one candidate, rebuilt for the page in the reader's language (the data is frozen once announced).</summary>
    public async Task<(PdfReport Report, SelectionLetter Letter)?> LetterAsync(Tender tender, Guid applicationId, string language, CancellationToken ct)
    {
        var letter = await db.SelectionLetters.AsNoTracking().Where(l => l.TenderId == tender.Id && l.ApplicationId == applicationId)
            .OrderByDescending(l => l.SentAtUtc).FirstOrDefaultAsync(ct);
        if (letter is null)
        {
            return null;
        }
        var ranking = await reads.BuildRankingAsync(tender, ct);
        var selection = await db.CandidateSelections.AsNoTracking().SingleAsync(s => s.TenderId == tender.Id, ct);
        var row = ranking.Rows.Single(r => r.Candidate.ApplicationId == applicationId);
        var selected = ranking.Rows.Single(r => r.Candidate.ApplicationId == selection.ApplicationId);
        var content = await ContentAsync(tender, ranking, row, selected, await reads.RequirementsAsync(tender.Id, ct), letter.StandstillEndUtc, ct);
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

    private async Task<LetterContent> ContentAsync(Tender tender, RankingView ranking, RankingRow row, RankingRow selected,
        IReadOnlyList<RequirementView> requirements, DateTime standstill, CancellationToken ct)
    {
        var judgements = new Dictionary<Guid, IReadOnlyList<JudgementView>>
        {
            [row.Candidate.ApplicationId] = await reads.JudgementsAsync(row.Candidate.ApplicationId, ct),
            [selected.Candidate.ApplicationId] = await reads.JudgementsAsync(selected.Candidate.ApplicationId, ct),
        };
        return new LetterContent(tender, ranking.Criteria, row, selected, requirements, judgements, standstill);
    }
}
