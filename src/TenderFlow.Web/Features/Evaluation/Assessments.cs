using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>Knock-out judgements, the chair's settlements, independent score sheets and the chair's consensus.</summary>
public sealed class Assessments(TenderFlowDbContext db, EvaluationGate gate, AuditTrail audit, TimeProvider clock)
{
    public async Task<RuleViolation?> JudgeAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, KnockoutRequest request, bool asChair, CancellationToken ct)
    {
        var (motivation, unreadable) = EnteredText.Read(request.Motivation, "motivation", multiline: true, "De motivering", "The motivation");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (motivation is null || motivation.Length > KnockoutJudgement.MaxMotivationLength)
        {
            return EvaluationRules.MotivationRequired();
        }
        var userId = UserId(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await PreconditionsAsync(tender, user, applicationId, asChair, ct) is { } refused)
        {
            return refused;
        }
        if (!await db.SelectionRequirements.AnyAsync(r => r.Id == request.RequirementId && r.TenderId == tender.Id, ct))
        {
            return EvaluationRules.RequirementNotFound();
        }
        var existing = await db.KnockoutJudgements
            .Where(j => j.ApplicationId == applicationId && j.RequirementId == request.RequirementId).ToListAsync(ct);
        if (!asChair && existing.Any(j => j.IsSettlement))
        {
            return EvaluationRules.SettledAlready();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var judgement = existing.SingleOrDefault(j => j.IsSettlement == asChair && (asChair || j.EvaluatorUserId == userId));
        var previous = judgement is null ? (bool?)null : judgement.Passed;
        if (judgement is null)
        {
            judgement = new KnockoutJudgement
            {
                Id = Guid.NewGuid(), TenderId = tender.Id, ApplicationId = applicationId, RequirementId = request.RequirementId,
                EvaluatorUserId = userId, IsSettlement = asChair, Motivation = motivation,
            };
            db.KnockoutJudgements.Add(judgement);
        }
        judgement.Passed = request.Passed;
        judgement.Motivation = motivation;
        judgement.RecordedAtUtc = now;
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord(asChair ? "evaluation.knockout.settled" : "evaluation.knockout.judged", $"application/{applicationId}",
                new { requirementId = request.RequirementId, passed = request.Passed, previous, motivation })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> SubmitScoresAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, ScoreSheetRequest request, CancellationToken ct)
    {
        var userId = UserId(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await PreconditionsAsync(tender, user, applicationId, asChair: false, ct) is { } refused)
        {
            return refused;
        }
        if (await db.IndividualScores.AnyAsync(s => s.ApplicationId == applicationId && s.EvaluatorUserId == userId, ct))
        {
            return EvaluationRules.ScoresFinal();
        }
        var (sheet, invalid) = await CheckSheetAsync(tender.Id, request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (await KnockoutAsync(applicationId, tender.Id, ct) == KnockoutVerdict.Failed)
        {
            return EvaluationRules.KnockedOut();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.IndividualScores.AddRange(sheet.Select(s => new IndividualScore
        {
            Id = Guid.NewGuid(), TenderId = tender.Id, ApplicationId = applicationId, CriterionId = s.CriterionId,
            EvaluatorUserId = userId, Score = s.Score, Motivation = s.Motivation!.Trim(), SubmittedAtUtc = now,
        }));
        // The trail proves what was submitted (digest) without showing Procurement the scores before consensus.
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord("evaluation.scores.submitted", $"application/{applicationId}", new { criteria = sheet.Count, sha256 = Digest(sheet) })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> SetConsensusAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, ScoreSheetRequest request, CancellationToken ct)
    {
        var userId = UserId(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await PreconditionsAsync(tender, user, applicationId, asChair: true, ct) is { } refused)
        {
            return refused;
        }
        var (sheet, invalid) = await CheckSheetAsync(tender.Id, request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (await KnockoutAsync(applicationId, tender.Id, ct) == KnockoutVerdict.Failed)
        {
            return EvaluationRules.KnockedOut();
        }
        var missing = await MissingSubmissionsAsync(tender.Id, applicationId, ct);
        if (missing > 0)
        {
            return EvaluationRules.EvaluatorsStillScoring(missing);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ConsensusScores.Where(c => c.ApplicationId == applicationId).ToListAsync(ct);
        foreach (var s in sheet)
        {
            var row = existing.SingleOrDefault(c => c.CriterionId == s.CriterionId);
            if (row is null)
            {
                row = new ConsensusScore { Id = Guid.NewGuid(), TenderId = tender.Id, ApplicationId = applicationId, CriterionId = s.CriterionId, Motivation = "", ChairUserId = userId };
                db.ConsensusScores.Add(row);
            }
            row.Score = s.Score;
            row.Motivation = s.Motivation!.Trim();
            row.ChairUserId = userId;
            row.RecordedAtUtc = now;
        }
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord("evaluation.consensus.set", $"application/{applicationId}",
                new { revised = existing.Count > 0, scores = sheet.Select(s => new { criterionId = s.CriterionId, score = s.Score, motivation = s.Motivation!.Trim() }) })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<int> MissingSubmissionsAsync(Guid tenderId, Guid applicationId, CancellationToken ct)
    {
        var required = await gate.RequiredEvaluatorsAsync(tenderId, ct);
        var submitted = await db.IndividualScores.Where(s => s.ApplicationId == applicationId).Select(s => s.EvaluatorUserId).Distinct().ToListAsync(ct);
        return required.Except(submitted).Count();
    }

    public async Task<KnockoutVerdict> KnockoutAsync(Guid applicationId, Guid tenderId, CancellationToken ct)
    {
        var requirements = await db.SelectionRequirements.Where(r => r.TenderId == tenderId).Select(r => r.Id).ToListAsync(ct);
        // Not those of an evaluator whose declared conflict blocks them (also one declared after judging).
        var judgements = await db.KnockoutJudgements.Where(j => j.ApplicationId == applicationId && !db.ConflictDeclarations.Any(d => d.TenderId == j.TenderId
            && d.EvaluatorUserId == j.EvaluatorUserId && d.HasConflict && d.Resolution != ConflictResolution.Cleared)).ToListAsync(ct);
        return KnockoutRule.Overall(requirements.Select(r => KnockoutRule.Verdict(judgements.Where(j => j.RequirementId == r))));
    }

    private async Task<RuleViolation?> PreconditionsAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, bool asChair, CancellationToken ct)
    {
        if (await gate.EvaluatorAssessAsync(tender, user, ct) is { } refused)
        {
            return refused;
        }
        if (asChair && !(await gate.StandingAsync(tender.Id, UserId(user), ct)).IsChair)
        {
            return EvaluationRules.NotTheChair();
        }
        return (await gate.ApplicationAsync(tender.Id, applicationId, ct)).Violation;
    }

    private async Task<(IReadOnlyList<CriterionScore> Sheet, RuleViolation? Violation)> CheckSheetAsync(Guid tenderId, ScoreSheetRequest request, CancellationToken ct)
    {
        var criteria = await db.SelectionCriteria.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(ct);
        var sheet = request.Scores ?? [];
        if (criteria.Count == 0 || sheet.Count != criteria.Count || sheet.Select(s => s.CriterionId).Distinct().Count() != sheet.Count
            || sheet.Any(s => criteria.All(c => c.Id != s.CriterionId)))
        {
            return (sheet, EvaluationRules.ScoreSheetIncomplete());
        }
        foreach (var s in sheet)
        {
            var criterion = criteria.Single(c => c.Id == s.CriterionId);
            if (s.Score < criterion.ScaleMin || s.Score > criterion.ScaleMax)
            {
                return (sheet, EvaluationRules.ScoreOutOfScale(criterion.Code, criterion.ScaleMin, criterion.ScaleMax));
            }
            var (motivation, unreadable) = EnteredText.Read(s.Motivation, $"scores[{criterion.Code}]", multiline: true,
                $"De motivering bij {criterion.Code}", $"The motivation for {criterion.Code}");
            if (unreadable is not null)
            {
                return (sheet, unreadable);
            }
            if (motivation is null || motivation.Length > IndividualScore.MaxMotivationLength)
            {
                return (sheet, EvaluationRules.MotivationRequired($"scores[{criterion.Code}]"));
            }
        }
        return (sheet, null);
    }

    private static string Digest(IEnumerable<CriterionScore> sheet) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\n", sheet.OrderBy(s => s.CriterionId).Select(s => $"{s.CriterionId}|{s.Score}|{s.Motivation!.Trim()}")))));

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
