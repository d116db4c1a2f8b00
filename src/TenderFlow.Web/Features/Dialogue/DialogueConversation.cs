using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Threaded messages per theme, written by both sides and by the partners invited to the theme.</summary>
public sealed class DialogueConversation(TenderFlowDbContext db, DialogueGate gate, AuditTrail trail, Notifier notifier, TimeProvider clock)
{
    public async Task<(DialogueMessage? Message, RuleViolation? Violation)> PostAsync(
        Guid tenderId, Guid themeId, PostMessageRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
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
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Themes, partnersToo: true, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if (theme.IsSettled)
        {
            return (null, DialogueRules.ThemeSettled());
        }
        var (text, unreadable) = EnteredText.Read(request.Text, "text", multiline: true, "Het bericht", "The message");
        if (unreadable is not null)
        {
            return (null, unreadable);
        }
        if (text is null || text.Length > DialogueMessage.MaxTextLength)
        {
            return (null, DialogueRules.MessageText());
        }
        if (request.ReplyTo is { } replyTo && !await db.DialogueMessages.AnyAsync(m => m.Id == replyTo && m.ThemeId == themeId, cancellationToken))
        {
            return (null, DialogueRules.ReplyNotFound());
        }
        var userId = DialogueGate.UserId(user);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).SingleOrDefaultAsync(cancellationToken);
        var message = new DialogueMessage
        {
            Id = Guid.NewGuid(), TenderId = tenderId, ThemeId = themeId, ReplyToId = request.ReplyTo, AuthorId = userId,
            AuthorName = author ?? user.Identity?.Name ?? userId, Side = viewer.Side!.Value, Text = text, PostedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DialogueMessages.Add(message);
        var recipients = (await DialogueRecipients.OtherSideAsync(db, tenderId, message.Side, cancellationToken)).Where(r => r != userId);
        notifier.NotifyUsers(db, recipients, tenderId, "dialogue.message.posted",
            new($"Nieuw bericht in het dialoogthema “{theme.TitleNl}”.", $"New message in the dialogue theme “{theme.TitleEn}”."),
            DialoguePaths.Theme(tenderId, themeId));
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.message.posted", $"dialogue-message/{message.Id}", new { theme = themeId, replyTo = request.ReplyTo, side = message.Side.ToString(), length = text.Length })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (message, null);
    }
}
