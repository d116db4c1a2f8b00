using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>Where a tender stands for evaluation: opened (four-eyes, vault <c>selection</c>) and which capabilities are open.</summary>
public sealed record EvaluationStage(Tender Tender, bool Opened, bool AssessmentOpen, bool DecisionOpen);

/// <summary>An assigned evaluator's standing in one tender.</summary>
public sealed record EvaluatorStanding(bool Assigned, bool IsChair, ConflictDeclaration? Declaration)
{
    public bool MayAssess => Assigned && Declaration is { Blocks: false };
}

/// <summary>
/// The preconditions every evaluation action checks, in one order: assigned evaluator, signed declaration without a
/// blocking conflict, applications opened, capability open. Callers have already checked that the user may see the tender.
/// </summary>
public sealed class EvaluationGate(TenderFlowDbContext db, DefinitionCatalog catalog)
{
    public const string SelectionVault = "selection";

    public async Task<EvaluationStage> StageAsync(Tender tender, CancellationToken ct)
    {
        var opened = await db.VaultOpenings.AnyAsync(o => o.TenderId == tender.Id && o.Vault == SelectionVault && o.CompletedAtUtc != null, ct);
        var capabilities = (await catalog.ForHashAsync(db, tender.DefinitionHash, ct)).Phase(tender.Phase).Capabilities;
        return new EvaluationStage(tender, opened, capabilities.Contains("selection.assessment"), capabilities.Contains("selection.decision"));
    }

    public async Task<EvaluatorStanding> StandingAsync(Guid tenderId, string userId, CancellationToken ct)
    {
        var assignment = await db.EvaluatorAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.TenderId == tenderId && a.UserId == userId, ct);
        var declaration = await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(d => d.TenderId == tenderId && d.EvaluatorUserId == userId, ct);
        return new EvaluatorStanding(assignment is not null, assignment?.IsChair ?? false, declaration);
    }

    /// <summary>May this user see application content as an evaluator now? (Also for other features' read policies.)</summary>
    public async Task<RuleViolation?> EvaluatorContentAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Evaluator))
        {
            return EvaluationRules.NotAnAssignedEvaluator();
        }
        var standing = await StandingAsync(tender.Id, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        if (!standing.Assigned)
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
        return (await StageAsync(tender, ct)).Opened ? null : EvaluationRules.NotOpened();
    }

    /// <summary>As <see cref="EvaluatorContentAsync"/>, and the assessment capability is open (writing judgements and scores).</summary>
    public async Task<RuleViolation?> EvaluatorAssessAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await EvaluatorContentAsync(tender, user, ct) is { } refused)
        {
            return refused;
        }
        return (await StageAsync(tender, ct)).AssessmentOpen ? null : EvaluationRules.AssessmentClosed();
    }

    public async Task<(Application? Application, RuleViolation? Violation)> ApplicationAsync(Guid tenderId, Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted, ct);
        return application is null ? (null, EvaluationRules.ApplicationNotFound()) : (application, null);
    }

    /// <summary>Evaluators whose submission the consensus waits for: assigned, and not blocked by a declared conflict.</summary>
    public async Task<List<string>> RequiredEvaluatorsAsync(Guid tenderId, CancellationToken ct)
    {
        var assigned = await db.EvaluatorAssignments.AsNoTracking().Where(a => a.TenderId == tenderId).Select(a => a.UserId).ToListAsync(ct);
        var blocked = (await db.ConflictDeclarations.AsNoTracking().Where(d => d.TenderId == tenderId && d.HasConflict).ToListAsync(ct))
            .Where(d => d.Blocks).Select(d => d.EvaluatorUserId).ToHashSet();
        return assigned.Where(u => !blocked.Contains(u)).ToList();
    }
}
