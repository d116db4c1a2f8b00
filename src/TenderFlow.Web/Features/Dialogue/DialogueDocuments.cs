using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Documents shared in a theme by either side (kind <c>dialogue.document</c>); every upload is its own document.</summary>
public sealed class DialogueDocuments(TenderFlowDbContext db, DialogueGate gate, DocumentIntake intake, AuditTrail trail)
{
    public async Task<(DocumentRecord? Document, RuleViolation? Violation)> UploadAsync(
        Guid tenderId, Guid themeId, StagedDocument staged, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        var theme = await db.DialogueThemes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken);
        if (theme is null || !viewer.Sees(theme))
        {
            return (null, DialogueRules.ThemeNotFound(themeId));
        }
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Themes, partnersToo: false, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if (theme.IsSettled)
        {
            return (null, DialogueRules.ThemeSettled());
        }
        var userId = DialogueGate.UserId(user);
        var (record, uploaded) = await intake.RecordAsync(db, staged,
            new DocumentTarget(tenderId, DialogueThemeDocuments.NewOwner(themeId), DialogueThemeDocuments.Kind, user.OrganisationIdOrNull(viewer)), userId, cancellationToken, nameInTrail: false);
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [uploaded, new AuditRecord("dialogue.document.shared", $"dialogue-theme/{themeId}", new { document = record.Id, record.FileName, side = viewer.Side.ToString() })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (record, null);
    }
}

internal static class DialogueDocumentOwnership
{
    public static Guid? OrganisationIdOrNull(this ClaimsPrincipal user, DialogueViewer viewer) =>
        viewer.Side == DialogueSide.Participant ? Authorization.ClaimsPrincipalExtensions.OrganisationId(user) : null;
}
