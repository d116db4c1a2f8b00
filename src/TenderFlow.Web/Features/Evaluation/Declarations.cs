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

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>The committee: conflict-of-interest declarations, their resolution by Procurement, and the chair.</summary>
public sealed class Declarations(TenderFlowDbContext db, EvaluationGate gate, AuditTrail audit, TimeProvider clock)
{
    public async Task<RuleViolation?> DeclareAsync(Tender tender, ClaimsPrincipal user, DeclarationRequest request, CancellationToken ct)
    {
        var (explanation, unreadable) = EnteredText.Read(request.Explanation, "explanation");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (request.HasConflict && string.IsNullOrEmpty(explanation))
        {
            return EvaluationRules.ExplanationRequired();
        }
        if (explanation?.Length > ConflictDeclaration.MaxTextLength)
        {
            return EvaluationRules.TextTooLong("explanation");
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var standing = await gate.StandingAsync(tender.Id, userId, ct);
        if (!user.IsInRole(Roles.Evaluator) || !standing.Assigned)
        {
            return EvaluationRules.NotAnAssignedEvaluator();
        }
        if (standing.Declaration is { } signed)
        {
            // Signed before seeing who applied, so a conflict may only show afterwards: "no conflict" can still become a
            // declared conflict (which blocks until Procurement resolves it); nothing else about a signed declaration changes.
            if (signed.HasConflict || !request.HasConflict)
            {
                return EvaluationRules.AlreadyDeclared();
            }
            var amended = await db.ConflictDeclarations.SingleAsync(d => d.Id == signed.Id, ct);
            amended.HasConflict = true;
            amended.Explanation = explanation;
            await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
                [new AuditRecord("evaluation.declaration.amended", $"user/{userId}", new { hasConflict = true, explanation, signedAtUtc = amended.DeclaredAtUtc })], ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        var declaration = new ConflictDeclaration
        {
            Id = Guid.NewGuid(), TenderId = tender.Id, EvaluatorUserId = userId, HasConflict = request.HasConflict,
            Explanation = request.HasConflict ? explanation : null, DeclaredAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ConflictDeclarations.Add(declaration);
        await audit.AppendAsync(db, userId, Roles.Evaluator, tender.Id,
            [new AuditRecord("evaluation.declaration.signed", $"user/{userId}", new { hasConflict = declaration.HasConflict, explanation = declaration.Explanation })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> ResolveAsync(Tender tender, ClaimsPrincipal user, string evaluatorUserId, ResolutionRequest request, CancellationToken ct)
    {
        if (!Enum.TryParse<ConflictResolution>(request.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome))
        {
            return new RuleViolation("ResolutionOutcomeRule", RuleKind.Invalid,
                new("Kies 'Cleared' (mag beoordelen) of 'Recused' (treedt terug).", "Choose 'Cleared' (may assess) or 'Recused' (steps aside)."), "outcome");
        }
        var (reason, unreadable) = EnteredText.Read(request.Reason, "reason");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (string.IsNullOrEmpty(reason) || reason.Length > ConflictDeclaration.MaxTextLength)
        {
            return EvaluationRules.MotivationRequired("reason");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var declaration = await db.ConflictDeclarations.SingleOrDefaultAsync(d => d.TenderId == tender.Id && d.EvaluatorUserId == evaluatorUserId, ct);
        if (declaration is not { HasConflict: true, Resolution: null })
        {
            return EvaluationRules.NoConflictToResolve();
        }
        var actor = user.ToActor();
        declaration.Resolution = outcome;
        declaration.ResolutionReason = reason;
        declaration.ResolvedByUserId = actor.Id;
        declaration.ResolvedAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tender.Id,
            [new AuditRecord("evaluation.conflict.resolved", $"user/{evaluatorUserId}", new { outcome = outcome.ToString(), reason })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> DesignateChairAsync(Tender tender, ClaimsPrincipal user, string? evaluatorUserId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var assignments = await db.EvaluatorAssignments.Where(a => a.TenderId == tender.Id).ToListAsync(ct);
        var chair = assignments.SingleOrDefault(a => a.UserId == evaluatorUserId);
        if (chair is null)
        {
            return EvaluationRules.NotAnEvaluator();
        }
        // The chair settles knock-outs and sets the consensus: an evaluator whose declared conflict blocks them cannot (one
        // who has not signed yet may be designated: the committee is usually formed before the declarations).
        if (await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(d => d.TenderId == tender.Id && d.EvaluatorUserId == chair.UserId, ct) is { Blocks: true })
        {
            return EvaluationRules.ConflictedChair();
        }
        if (chair.IsChair)
        {
            return null;
        }
        var previous = assignments.SingleOrDefault(a => a.IsChair);
        foreach (var a in assignments)
        {
            a.IsChair = a == chair;
        }
        var actor = user.ToActor();
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tender.Id,
            [new AuditRecord("evaluation.chair.designated", $"user/{chair.UserId}", new { userId = chair.UserId, previous = previous?.UserId })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
