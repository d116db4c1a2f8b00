using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Procurement invites Partner users per theme (and revokes them); a partner accepts the confidentiality declaration once per tender.</summary>
public sealed class DialoguePartners(TenderFlowDbContext db, DialogueGate gate, AuditTrail trail, Notifier notifier, TimeProvider clock)
{
    public async Task<RuleViolation?> InviteAsync(Guid tenderId, Guid themeId, string? partnerUserId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var theme = await db.DialogueThemes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken);
        if (theme is null || !viewer.Sees(theme))
        {
            return DialogueRules.ThemeNotFound(themeId);
        }
        if (!viewer.IsAuthority)
        {
            return DialogueRules.NotYourRole();
        }
        if (!await gate.IsOpenAsync(tender!, DialogueGate.Partners, cancellationToken))
        {
            return DialogueRules.PhaseClosed(DialogueGate.Partners);
        }
        if (theme.IsSettled)
        {
            return DialogueRules.ThemeSettled();
        }
        var partner = partnerUserId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == partnerUserId, cancellationToken);
        var isPartner = partner is not null && await db.UserRoles.AnyAsync(
            ur => ur.UserId == partner.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner), cancellationToken);
        if (!isPartner)
        {
            return DialogueRules.NotAPartner();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = DialogueGate.UserId(user);
        var invitation = await db.DialoguePartnerInvitations.SingleOrDefaultAsync(i => i.ThemeId == themeId && i.UserId == partner!.Id, cancellationToken);
        if (invitation is { IsActive: true })
        {
            return null;
        }
        if (invitation is null)
        {
            db.DialoguePartnerInvitations.Add(new DialoguePartnerInvitation
            {
                Id = Guid.NewGuid(), TenderId = tenderId, ThemeId = themeId, UserId = partner!.Id, InvitedByUserId = userId, InvitedAtUtc = now,
            });
        }
        else
        {
            invitation.RevokedAtUtc = null;
            invitation.RevokedByUserId = null;
            invitation.InvitedAtUtc = now;
            invitation.InvitedByUserId = userId;
        }
        // Before the declaration the partner may read nothing of the dialogue, not even a theme's title (inbox and e-mail alike).
        var declared = await db.DialogueDeclarations.AnyAsync(d => d.TenderId == tenderId && d.UserId == partner!.Id, cancellationToken);
        notifier.NotifyUsers(db, [partner!.Id], tenderId, "dialogue.partner.invited", declared
                ? new($"U bent uitgenodigd voor het dialoogthema “{theme.TitleNl}”.", $"You are invited to the dialogue theme “{theme.TitleEn}”.")
                : new($"U bent uitgenodigd voor een dialoogthema van aanbesteding {tender!.Reference}; aanvaard eerst de geheimhoudingsverklaring.",
                    $"You are invited to a dialogue theme of tender {tender!.Reference}; accept the confidentiality declaration first."),
            DialoguePaths.Theme(tenderId, themeId));
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.partner.invited", $"dialogue-theme/{themeId}", new { partner = partner.Id })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<RuleViolation?> RevokeAsync(Guid tenderId, Guid themeId, string partnerUserId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (_, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (!await db.DialogueThemes.AnyAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken) || !viewer.Sees(themeId))
        {
            return DialogueRules.ThemeNotFound(themeId);
        }
        if (!viewer.IsAuthority)
        {
            return DialogueRules.NotYourRole();
        }
        // Revoking is always possible: taking access away must not wait for a phase.
        var invitation = await db.DialoguePartnerInvitations.SingleOrDefaultAsync(i => i.ThemeId == themeId && i.UserId == partnerUserId && i.RevokedAtUtc == null, cancellationToken);
        if (invitation is null)
        {
            return null;
        }
        var userId = DialogueGate.UserId(user);
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [Revoke(invitation, userId, clock.GetUtcNow().UtcDateTime)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Ends every live invitation of a person whose account no longer fits them (an administrator took the Partner role away
    /// or moved them to another organisation), one <c>dialogue.partner.revoked</c> per theme as Procurement's revocation writes it.
    /// Runs in the caller's transaction; the caller saves.
    /// </summary>
    public async Task RevokeAllOfAsync(string partnerUserId, string revokedByUserId, string actorRole, CancellationToken cancellationToken)
    {
        var live = await db.DialoguePartnerInvitations.Where(i => i.UserId == partnerUserId && i.RevokedAtUtc == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var tender in live.GroupBy(i => i.TenderId).OrderBy(g => g.Key))
        {
            var records = tender.OrderBy(i => i.ThemeId).Select(i => Revoke(i, revokedByUserId, now)).ToList();
            await trail.AppendAsync(db, revokedByUserId, actorRole, tender.Key, records, cancellationToken);
        }
    }

    private static AuditRecord Revoke(DialoguePartnerInvitation invitation, string revokedByUserId, DateTime now)
    {
        invitation.RevokedAtUtc = now;
        invitation.RevokedByUserId = revokedByUserId;
        return new AuditRecord("dialogue.partner.revoked", $"dialogue-theme/{invitation.ThemeId}", new { partner = invitation.UserId });
    }

    public async Task<RuleViolation?> AcceptDeclarationAsync(Guid tenderId, bool accept, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (_, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken, declarationPendingAllowed: true);
        if (refused is not null)
        {
            return refused;
        }
        if (!viewer.IsPartner)
        {
            return DialogueRules.NotYourRole();
        }
        if (!accept)
        {
            return DialogueRules.DeclarationNotAccepted();
        }
        if (viewer.DeclarationAccepted)
        {
            return null;
        }
        var userId = DialogueGate.UserId(user);
        db.DialogueDeclarations.Add(new DialogueDeclaration
        {
            Id = Guid.NewGuid(), TenderId = tenderId, UserId = userId, AcceptedAtUtc = clock.GetUtcNow().UtcDateTime,
            TextVersion = DialogueDeclarationText.Version, TextSha256 = DialogueDeclarationText.Sha256,
        });
        await trail.AppendAsync(db, userId, Roles.Partner, tenderId,
            [new AuditRecord("dialogue.declaration.accepted", $"tender/{tenderId}", new { version = DialogueDeclarationText.Version, sha256 = DialogueDeclarationText.Sha256 })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }
}
