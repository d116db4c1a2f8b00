using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Assessment;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Features.Submission;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>
/// The quality assessment of the tender against the definition's <c>qualityCriteria</c>: each assigned evaluator without
/// a blocking conflict (the declaration signed for this tender in the selection, via <see cref="EvaluationGate"/>) judges
/// every criterion once, independently; the chair then records the consensus once all of them have. Needs capability
/// <c>assessment.scoring</c>, the submission vault opened, and a submitted tender.
/// </summary>
public sealed class QualityAssessment(TenderFlowDbContext db, DefinitionCatalog catalog, EvaluationGate gate, AuditTrail audit, TimeProvider clock, AuditedRead audited)
{
    public const string Capability = "assessment.scoring";

    public async Task<IReadOnlyList<QualityCriterionDefinition>> CriteriaAsync(Tender tender, CancellationToken ct) =>
        (await catalog.ForHashAsync(db, tender.DefinitionHash, ct)).QualityCriteria;

    public async Task<QualityAssessmentView?> ViewAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var standing = user.IsInRole(Roles.Evaluator) ? await gate.StandingAsync(tender.Id, userId, ct) : new EvaluatorStanding(false, false, null);
        var isProcurement = user.IsInRole(Roles.Procurement);
        var isLegal = user.IsInRole(Roles.Legal);
        if (!standing.Assigned && !isProcurement && !isLegal)
        {
            return null;
        }
        var criteria = await CriteriaAsync(tender, ct);
        var (scoringOpen, opened, submitted) = await StageAsync(tender, ct);
        var all = await db.QualityJudgements.AsNoTracking().Where(j => j.TenderId == tender.Id).ToListAsync(ct);
        var consensus = await db.QualityConsensus.AsNoTracking().Where(c => c.TenderId == tender.Id).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => all.Select(j => j.EvaluatorUserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var own = all.Where(j => j.EvaluatorUserId == userId).ToList();
        var ownSubmitted = own.Count > 0;
        var required = await gate.RequiredEvaluatorsAsync(tender.Id, ct);
        var pending = required.Count(u => !all.Any(j => j.EvaluatorUserId == u));
        // An evaluator recused for a conflict (or not yet declared, or who declared one after judging) sees neither the
        // judgements nor the consensus, and their judgement no longer counts for the committee (Legal sees every one).
        var seesJudgements = isLegal || (standing.MayAssess && ownSubmitted) || (isProcurement && consensus.Count > 0);
        var seesConsensus = isLegal || isProcurement || (standing.MayAssess && ownSubmitted);
        var shown = isLegal ? all : all.Where(j => required.Contains(j.EvaluatorUserId)).ToList();
        var ready = scoringOpen && opened && submitted;
        var othersJudgements = seesJudgements ? shown.Count(j => j.EvaluatorUserId != userId) : 0;
        var consensusShown = seesConsensus ? consensus.Count : 0;
        if (othersJudgements + consensusShown > 0)
        {
            await audited.QualityAssessmentAsync(tender.Id, user, othersJudgements, consensusShown, ct);
        }
        var verdict = QualityVerdicts.Decide(criteria.Select(c => c.Key).ToList(), consensus);
        return new QualityAssessmentView(tender.Id, scoringOpen, opened, submitted,
            criteria.Select(c => new QualityCriterionView(c.Key, c.Title.Nl, c.Title.En, c.Description?.Nl, c.Description?.En)).ToList(),
            standing.Assigned, standing.IsChair, ready && standing.MayAssess && !ownSubmitted,
            ready && standing.IsChair && standing.MayAssess && pending == 0 && consensus.Count == 0,
            ownSubmitted, own.Select(j => View(j, names)).ToList(), pending,
            seesJudgements ? shown.OrderBy(j => j.CriterionKey).ThenBy(j => j.SubmittedAtUtc).Select(j => View(j, names)).ToList() : null,
            seesConsensus ? consensus.Select(c => new QualityJudgementView(c.CriterionKey, c.Sufficient, c.Motivation, c.RecordedAtUtc, c.ChairUserId, null)).ToList() : null,
            verdict.ToString());
    }

    public async Task<RuleViolation?> JudgeAsync(Tender tender, ClaimsPrincipal user, QualitySheetRequest request, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await RefuseEvaluatorAsync(tender, user, userId, ct) is { } refused)
        {
            return refused;
        }
        if (await CheckSheetAsync(tender, request, ct) is { } invalid)
        {
            return invalid;
        }
        if (await db.QualityJudgements.AnyAsync(j => j.TenderId == tender.Id && j.EvaluatorUserId == userId, ct))
        {
            return AssessmentRules.JudgementsFinal();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var c in request.Criteria!)
        {
            db.QualityJudgements.Add(new QualityJudgement
            {
                Id = Guid.NewGuid(), TenderId = tender.Id, CriterionKey = c.Key!, EvaluatorUserId = userId, Sufficient = c.Sufficient!.Value,
                Motivation = c.Motivation!.Trim(), SubmittedAtUtc = now,
            });
        }
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord("assessment.judgements.submitted", $"user/{userId}", new { criteria = request.Criteria!.Select(c => new { key = c.Key, sufficient = c.Sufficient, motivation = c.Motivation!.Trim() }) })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> RecordConsensusAsync(Tender tender, ClaimsPrincipal user, QualitySheetRequest request, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await RefuseEvaluatorAsync(tender, user, userId, ct) is { } refused)
        {
            return refused;
        }
        if (!(await gate.StandingAsync(tender.Id, userId, ct)).IsChair)
        {
            return EvaluationRules.NotTheChair();
        }
        if (await db.QualityConsensus.AnyAsync(c => c.TenderId == tender.Id, ct))
        {
            return AssessmentRules.ConsensusFinal();
        }
        var required = await gate.RequiredEvaluatorsAsync(tender.Id, ct);
        var judged = await db.QualityJudgements.Where(j => j.TenderId == tender.Id).Select(j => j.EvaluatorUserId).Distinct().ToListAsync(ct);
        var missing = required.Count(u => !judged.Contains(u));
        if (missing > 0)
        {
            return AssessmentRules.EvaluatorsStillJudging(missing);
        }
        if (await CheckSheetAsync(tender, request, ct) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var c in request.Criteria!)
        {
            db.QualityConsensus.Add(new QualityConsensus
            {
                Id = Guid.NewGuid(), TenderId = tender.Id, CriterionKey = c.Key!, Sufficient = c.Sufficient!.Value, Motivation = c.Motivation!.Trim(),
                ChairUserId = userId, RecordedAtUtc = now,
            });
        }
        var verdict = request.Criteria!.All(c => c.Sufficient!.Value) ? QualityVerdict.Sufficient : QualityVerdict.Insufficient;
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord("assessment.consensus.recorded", $"tender/{tender.Id}", new
            {
                verdict = verdict.ToString(),
                criteria = request.Criteria!.Select(c => new { key = c.Key, sufficient = c.Sufficient, motivation = c.Motivation!.Trim() }),
            })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Phase open, submission opened and present (in that order: what people meet first).</summary>
    public async Task<(bool ScoringOpen, bool Opened, bool Submitted)> StageAsync(Tender tender, CancellationToken ct)
    {
        var scoringOpen = (await catalog.ForHashAsync(db, tender.DefinitionHash, ct)).Phase(tender.Phase).Capabilities.Contains(Capability);
        var opened = await SubmissionSeal.IsOpenedAsync(db, tender.Id, ct);
        var submitted = await db.TenderSubmissions.AnyAsync(s => s.TenderId == tender.Id && s.Status == SubmissionStatus.Submitted, ct);
        return (scoringOpen, opened, submitted);
    }

    private async Task<RuleViolation?> RefuseEvaluatorAsync(Tender tender, ClaimsPrincipal user, string userId, CancellationToken ct)
    {
        var standing = await gate.StandingAsync(tender.Id, userId, ct);
        if (!user.IsInRole(Roles.Evaluator) || !standing.Assigned)
        {
            return EvaluationRules.NotAnAssignedEvaluator();
        }
        if (standing.Declaration is null)
        {
            return EvaluationRules.DeclarationRequired();
        }
        if (standing.Declaration.Blocks)
        {
            return EvaluationRules.ConflictBlocks();
        }
        var (scoringOpen, opened, submitted) = await StageAsync(tender, ct);
        return !scoringOpen ? AssessmentRules.ScoringClosed()
            : !opened ? AssessmentRules.NotOpened()
            : !submitted ? AssessmentRules.NothingSubmitted()
            : null;
    }

    private async Task<RuleViolation?> CheckSheetAsync(Tender tender, QualitySheetRequest request, CancellationToken ct)
    {
        var keys = (await CriteriaAsync(tender, ct)).Select(c => c.Key).ToList();
        var sheet = request.Criteria ?? [];
        if (sheet.Count != keys.Count || sheet.Any(c => c.Key is null || !keys.Contains(c.Key) || c.Sufficient is null)
            || sheet.Select(c => c.Key).Distinct().Count() != sheet.Count)
        {
            return AssessmentRules.SheetIncomplete();
        }
        foreach (var c in sheet)
        {
            var (motivation, unreadable) = EnteredText.Read(c.Motivation, AssessmentRules.MotivationField(c.Key!), multiline: true, $"De motivering bij '{c.Key}'", $"The motivation for '{c.Key}'");
            if (unreadable is not null)
            {
                return unreadable;
            }
            if (motivation is null || motivation.Length > QualityJudgement.MaxMotivationLength)
            {
                return AssessmentRules.MotivationRequired(c.Key!);
            }
        }
        return null;
    }

    private static QualityJudgementView View(QualityJudgement j, IReadOnlyDictionary<string, string> names) =>
        new(j.CriterionKey, j.Sufficient, j.Motivation, j.SubmittedAtUtc, j.EvaluatorUserId, names.GetValueOrDefault(j.EvaluatorUserId));
}
