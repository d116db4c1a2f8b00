using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>
/// Every read of evaluation data goes through here, so the independence rule (no other evaluator's scores before one's
/// own are submitted) and who sees individual scores (Legal; Procurement after consensus; never bidders) hold on every route.
/// A read that shows other people's scores, or the ranking, is an audit event (<see cref="AuditedRead"/>).
/// </summary>
public sealed class EvaluationReads(TenderFlowDbContext db, EvaluationGate gate, Assessments assessments, AuditedRead audited)
{
    public async Task<WorkspaceView> WorkspaceAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var standing = await gate.StandingAsync(tender.Id, userId, ct);
        var stage = await gate.StageAsync(tender, ct);
        var rows = new List<WorkspaceRow>();
        if (await gate.EvaluatorContentAsync(tender, user, ct) is null)
        {
            var criteriaCount = await db.SelectionCriteria.CountAsync(c => c.TenderId == tender.Id, ct);
            foreach (var candidate in await CandidatesAsync(tender.Id, ct))
            {
                var id = candidate.ApplicationId;
                rows.Add(new WorkspaceRow(candidate,
                    await db.KnockoutJudgements.CountAsync(j => j.ApplicationId == id && j.EvaluatorUserId == userId && !j.IsSettlement, ct),
                    await db.IndividualScores.AnyAsync(s => s.ApplicationId == id && s.EvaluatorUserId == userId, ct),
                    await assessments.KnockoutAsync(id, tender.Id, ct),
                    await assessments.MissingSubmissionsAsync(tender.Id, id, ct),
                    criteriaCount > 0 && await db.ConsensusScores.CountAsync(c => c.ApplicationId == id, ct) == criteriaCount));
            }
        }
        return new WorkspaceView(standing.Assigned, standing.IsChair, standing.Declaration is { } d ? DeclarationView.From(d) : null,
            stage.Opened, stage.AssessmentOpen, rows);
    }

    public async Task<(AssessmentView? View, RuleViolation? Violation)> AssessmentAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (await gate.EvaluatorContentAsync(tender, user, ct) is { } refused)
        {
            return (null, refused);
        }
        var (application, missing) = await gate.ApplicationAsync(tender.Id, applicationId, ct);
        if (application is null)
        {
            return (null, missing);
        }
        var userId = UserId(user);
        var judgements = await JudgementsAsync(applicationId, ct);
        var scores = await ScoresAsync(applicationId, ct);
        var own = scores.Where(s => s.EvaluatorUserId == userId).ToList();
        var (requirements, verdicts, overall) = await VerdictsAsync(tender.Id, judgements, ct);
        var others = own.Count == 0 ? [] : scores.Where(s => s.EvaluatorUserId != userId).ToList();
        if (others.Count > 0)
        {
            await audited.ScoresAsync(tender.Id, user, applicationId, others.Count, ct);
        }
        return (new AssessmentView(await CandidateAsync(application, ct), (await gate.StandingAsync(tender.Id, userId, ct)).IsChair,
            (await gate.StageAsync(tender, ct)).AssessmentOpen, requirements, await CriteriaAsync(tender.Id, ct),
            judgements.Where(j => j.EvaluatorUserId == userId && !j.IsSettlement).ToList(), verdicts, overall,
            own, others), null);
    }

    public async Task<(ConsensusPageView? View, RuleViolation? Violation)> ConsensusPageAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (await gate.EvaluatorContentAsync(tender, user, ct) is { } refused)
        {
            return (null, refused);
        }
        var userId = UserId(user);
        if (!(await gate.StandingAsync(tender.Id, userId, ct)).IsChair)
        {
            return (null, EvaluationRules.NotTheChair());
        }
        var (application, missing) = await gate.ApplicationAsync(tender.Id, applicationId, ct);
        if (application is null)
        {
            return (null, missing);
        }
        var judgements = await JudgementsAsync(applicationId, ct);
        var scores = await ScoresAsync(applicationId, ct);
        // The chair is an evaluator too: no other scores before their own sheet is in.
        var visible = scores.Any(s => s.EvaluatorUserId == userId) ? scores : [];
        if (visible.Count(s => s.EvaluatorUserId != userId) is > 0 and var others)
        {
            await audited.ScoresAsync(tender.Id, user, applicationId, others, ct);
        }
        var (requirements, verdicts, overall) = await VerdictsAsync(tender.Id, judgements, ct);
        return (new ConsensusPageView(await CandidateAsync(application, ct), requirements, await CriteriaAsync(tender.Id, ct), judgements, verdicts, overall,
            await assessments.MissingSubmissionsAsync(tender.Id, applicationId, ct), visible, await ConsensusAsync(applicationId, ct),
            (await gate.StageAsync(tender, ct)).AssessmentOpen), null);
    }

    public async Task<(IReadOnlyList<ScoreView>? Scores, RuleViolation? Violation)> IndividualScoresAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Evaluator) && !user.IsInRole(Roles.Legal) && !user.IsInRole(Roles.Procurement))
        {
            if (await gate.EvaluatorContentAsync(tender, user, ct) is { } refused)
            {
                return (null, refused);
            }
        }
        else if (!user.IsInRole(Roles.Legal) && !user.IsInRole(Roles.Procurement))
        {
            return (null, EvaluationRules.ScoresHidden());
        }
        if ((await gate.ApplicationAsync(tender.Id, applicationId, ct)).Violation is { } missing)
        {
            return (null, missing);
        }
        var scores = await ScoresAsync(applicationId, ct);
        var refusal = await IndividualScoresRefusalAsync(tender, user, applicationId, scores, ct);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        if (scores.Count > 0)
        {
            await audited.ScoresAsync(tender.Id, user, applicationId, scores.Count, ct);
        }
        return (scores, null);
    }

    private async Task<RuleViolation?> IndividualScoresRefusalAsync(Tender tender, ClaimsPrincipal user, Guid applicationId, IReadOnlyList<ScoreView> scores, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Legal))
        {
            return null;
        }
        if (user.IsInRole(Roles.Procurement))
        {
            var criteria = await db.SelectionCriteria.CountAsync(c => c.TenderId == tender.Id, ct);
            var consensus = await db.ConsensusScores.CountAsync(c => c.ApplicationId == applicationId, ct);
            return criteria > 0 && consensus == criteria ? null : EvaluationRules.ScoresHidden();
        }
        return scores.Any(s => s.EvaluatorUserId == UserId(user)) ? null : EvaluationRules.NoPeeking();
    }

    public async Task<(RankingView? View, RuleViolation? Violation)> RankingAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Procurement) && !user.IsInRole(Roles.Legal))
        {
            return (null, new RuleViolation("RankingAccessRule", RuleKind.Forbidden,
                new("De rangschikking is voor Inkoop en Juridisch.", "The ranking is for Procurement and Legal.")));
        }
        var ranking = await BuildRankingAsync(tender, ct);
        await audited.RankingAsync(tender.Id, user, ranking.Rows.Count, ct);
        return (ranking, null);
    }

    /// <summary>The ranking as the selection decision and the letters use it (no access check: callers have done theirs).</summary>
    public async Task<RankingView> BuildRankingAsync(Tender tender, CancellationToken ct)
    {
        var stage = await gate.StageAsync(tender, ct);
        var criteria = await CriteriaAsync(tender.Id, ct);
        var candidates = stage.Opened ? await CandidatesAsync(tender.Id, ct) : [];
        var consensus = await db.ConsensusScores.AsNoTracking().Where(c => c.TenderId == tender.Id).ToListAsync(ct);
        var knockouts = new Dictionary<Guid, KnockoutVerdict>();
        foreach (var c in candidates)
        {
            knockouts[c.ApplicationId] = await assessments.KnockoutAsync(c.ApplicationId, tender.Id, ct);
        }
        var ranked = Ranking.Rank(criteria.Select((c, i) => c.ForRanking(i)).ToList(), candidates.Select(c => new RankingCandidate(c.ApplicationId, knockouts[c.ApplicationId],
            consensus.Where(s => s.ApplicationId == c.ApplicationId).ToDictionary(s => s.CriterionId, s => s.Score))));
        var rows = ranked.Select(r => new RankingRow(candidates.Single(c => c.ApplicationId == r.ApplicationId), r.Standing, r.Total, r.Rank, r.TiedForRank,
            r.BelowMinimum, knockouts[r.ApplicationId],
            consensus.Where(s => s.ApplicationId == r.ApplicationId).Select(s => new ConsensusView(s.CriterionId, s.Score, s.Motivation, s.RecordedAtUtc)).ToList())).ToList();
        var selection = await db.CandidateSelections.AsNoTracking().SingleOrDefaultAsync(s => s.TenderId == tender.Id, ct);
        var committee = await (from a in db.EvaluatorAssignments.AsNoTracking()
                               join u in db.Users on a.UserId equals u.Id
                               where a.TenderId == tender.Id
                               orderby u.DisplayName
                               select new { a.UserId, u.DisplayName, a.IsChair }).ToListAsync(ct);
        var declarations = await db.ConflictDeclarations.AsNoTracking().Where(d => d.TenderId == tender.Id).ToListAsync(ct);
        return new RankingView(criteria, rows,
            selection is null ? null : new SelectionView(selection.ApplicationId, selection.Rank, selection.Reason, selection.DecidedAtUtc),
            committee.Select(m => new CommitteeMember(m.UserId, m.DisplayName, m.IsChair,
                declarations.SingleOrDefault(d => d.EvaluatorUserId == m.UserId) is { } d ? DeclarationView.From(d) : null)).ToList(),
            stage.Opened, stage.DecisionOpen);
    }

    public async Task<IReadOnlyList<CandidateView>> CandidatesAsync(Guid tenderId, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted).ToListAsync(ct);
        var result = new List<CandidateView>();
        foreach (var a in applications.OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id))
        {
            result.Add(await CandidateAsync(a, ct));
        }
        return result;
    }

    public async Task<CandidateView> CandidateAsync(Application application, CancellationToken ct)
    {
        var memberIds = application.OrganisationIds;
        var names = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var lead = names.GetValueOrDefault(application.LeadOrganisationId, "?");
        return new CandidateView(application.Id, application.ConsortiumName ?? lead,
            memberIds.Select(id => names.GetValueOrDefault(id, "?")).OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    public async Task<IReadOnlyList<CriterionView>> CriteriaAsync(Guid tenderId, CancellationToken ct) =>
        (await db.SelectionCriteria.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(ct))
            .OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal).Select(CriterionView.From).ToList();

    public async Task<IReadOnlyList<RequirementView>> RequirementsAsync(Guid tenderId, CancellationToken ct) =>
        (await db.SelectionRequirements.AsNoTracking().Where(r => r.TenderId == tenderId).ToListAsync(ct))
            .OrderBy(r => r.Order).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => new RequirementView(r.Id, r.Code, r.TextNl, r.TextEn)).ToList();

    public async Task<(IReadOnlyList<RequirementView> Requirements, IReadOnlyDictionary<Guid, KnockoutVerdict> Verdicts, KnockoutVerdict Overall)> VerdictsAsync(
        Guid tenderId, IReadOnlyList<JudgementView> judgements, CancellationToken ct)
    {
        var requirements = await RequirementsAsync(tenderId, ct);
        var verdicts = requirements.ToDictionary(r => r.Id, r => KnockoutRule.Verdict(judgements.Where(j => j.RequirementId == r.Id)
            .Select(j => new KnockoutJudgement { EvaluatorUserId = j.EvaluatorUserId, IsSettlement = j.IsSettlement, Passed = j.Passed, Motivation = j.Motivation })));
        return (requirements, verdicts, KnockoutRule.Overall(verdicts.Values));
    }

    /// <summary>The judgements that count: not those of an evaluator whose declared conflict blocks them (also one declared after judging).</summary>
    public async Task<IReadOnlyList<JudgementView>> JudgementsAsync(Guid applicationId, CancellationToken ct) =>
        await (from j in db.KnockoutJudgements.AsNoTracking()
               join u in db.Users on j.EvaluatorUserId equals u.Id
               where j.ApplicationId == applicationId && !db.ConflictDeclarations.Any(d => d.TenderId == j.TenderId && d.EvaluatorUserId == j.EvaluatorUserId
                   && d.HasConflict && d.Resolution != ConflictResolution.Cleared)
               orderby j.RecordedAtUtc
               select new JudgementView(j.RequirementId, j.EvaluatorUserId, u.DisplayName, j.IsSettlement, j.Passed, j.Motivation, j.RecordedAtUtc)).ToListAsync(ct);

    public async Task<IReadOnlyList<ConsensusView>> ConsensusAsync(Guid applicationId, CancellationToken ct) =>
        await db.ConsensusScores.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .Select(c => new ConsensusView(c.CriterionId, c.Score, c.Motivation, c.RecordedAtUtc)).ToListAsync(ct);

    private async Task<List<ScoreView>> ScoresAsync(Guid applicationId, CancellationToken ct) =>
        await (from s in db.IndividualScores.AsNoTracking()
               join u in db.Users on s.EvaluatorUserId equals u.Id
               where s.ApplicationId == applicationId
               orderby u.DisplayName
               select new ScoreView(s.CriterionId, s.EvaluatorUserId, u.DisplayName, s.Score, s.Motivation, s.SubmittedAtUtc)).ToListAsync(ct);

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
