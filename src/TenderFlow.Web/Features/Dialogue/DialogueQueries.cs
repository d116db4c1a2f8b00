using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Reading the dialogue; every read of its content is an audit event ("who saw what, when").</summary>
public sealed class DialogueQueries(TenderFlowDbContext db, DialogueGate gate, AuditWriter audit)
{
    public async Task<(IReadOnlyList<ThemeSummaryView>? Themes, DialogueViewer Viewer, RuleViolation? Refused)> ThemesAsync(
        Guid tenderId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (_, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, viewer, refused);
        }
        var themes = (await db.DialogueThemes.AsNoTracking().Where(t => t.TenderId == tenderId).ToListAsync(cancellationToken))
            .Where(viewer.Sees).OrderBy(t => t.AddedAtUtc is not null).ThenBy(t => t.AddedAtUtc).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new ThemeSummaryView(t.Id, t.Key, t.TitleNl, t.TitleEn, DialogueThemes.Name(t.Status), t.AgreedOutcome)).ToList();
        await ThemesReadAsync(audit, tenderId, user, viewer, themes.Select(t => t.Id), cancellationToken);
        return (themes, viewer, null);
    }

    /// <summary>
    /// Records that <paramref name="user"/> read the list of themes (their titles and status are dialogue content): here, on
    /// the tender page and in the tender API alike.
    /// </summary>
    public static Task ThemesReadAsync(AuditWriter audit, Guid tenderId, ClaimsPrincipal user, DialogueViewer viewer, IEnumerable<Guid> themes, CancellationToken cancellationToken) =>
        audit.WriteAsync(DialogueGate.UserId(user), DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.themes.read", $"tender/{tenderId}", new { themes })], cancellationToken);

    public async Task<(ThemeDetailView? Theme, DialogueViewer Viewer, RuleViolation? Refused)> ThemeAsync(
        Guid tenderId, Guid themeId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (_, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, viewer, refused);
        }
        var theme = await db.DialogueThemes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken);
        if (theme is null || !viewer.Sees(theme))
        {
            return (null, viewer, DialogueRules.ThemeNotFound(themeId));
        }
        var meetings = await db.DialogueMeetings.AsNoTracking().Where(m => m.ThemeId == themeId).ToListAsync(cancellationToken);
        var minuteIds = meetings.Where(m => m.MinutesDocumentId != null).Select(m => m.MinutesDocumentId!.Value).ToList();
        var minutes = await db.Documents.AsNoTracking().Where(d => minuteIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var messages = await db.DialogueMessages.AsNoTracking().Where(m => m.ThemeId == themeId).ToListAsync(cancellationToken);
        var prefix = DialogueThemeDocuments.OwnerPrefix(themeId);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.TenderId == tenderId && d.Kind == DialogueThemeDocuments.Kind && d.Owner.StartsWith(prefix)).ToListAsync(cancellationToken);
        var invitations = await db.DialoguePartnerInvitations.AsNoTracking().Where(i => i.ThemeId == themeId && i.RevokedAtUtc == null).ToListAsync(cancellationToken);
        var people = invitations.Select(i => i.UserId).Concat(documents.Select(d => d.UploadedByUserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);

        var view = new ThemeDetailView(theme.Id, theme.Key, theme.TitleNl, theme.TitleEn, DialogueThemes.Name(theme.Status), theme.AgreedOutcome,
            theme.WaiverReason, theme.AgreedAtUtc, theme.ClosedAtUtc,
            meetings.OrderBy(m => m.StartsAtUtc).Select(m => new MeetingView(m.Id, m.StartsAtUtc, AmsterdamTime.ToLocalOffset(m.StartsAtUtc), m.Location, m.Agenda,
                m.MinutesDocumentId is { } id && minutes.TryGetValue(id, out var doc)
                    ? new MinutesView(doc.Id, doc.FileName, SideName(m.MinutesUploadedBy), m.MinutesApprovedAtUtc is not null, m.MinutesApprovedAtUtc)
                    : null)).ToList(),
            messages.OrderBy(m => m.PostedAtUtc).ThenBy(m => m.Id).Select(m => new MessageView(m.Id, m.ReplyToId, m.AuthorName, SideName(m.Side), m.Text, m.PostedAtUtc)).ToList(),
            documents.OrderBy(d => d.UploadedAtUtc).Select(d => new ThemeDocumentView(d.Id, d.FileName, d.SizeBytes, d.UploadedAtUtc,
                names.GetValueOrDefault(d.UploadedByUserId) ?? d.UploadedByUserId)).ToList(),
            // Who is invited is Procurement's business (and Legal's to check): the participant and partners do not receive it.
            viewer.IsAuthority || viewer.IsLegal
                ? invitations.OrderBy(i => i.InvitedAtUtc).Select(i => new PartnerView(i.UserId, names.GetValueOrDefault(i.UserId) ?? i.UserId)).ToList()
                : []);
        await audit.WriteAsync(DialogueGate.UserId(user), DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.theme.read", $"dialogue-theme/{themeId}",
                new { theme = themeId, messages = view.Messages.Count, meetings = view.Meetings.Count, documents = view.Documents.Count })], cancellationToken);
        return (view, viewer, null);
    }

    public static string SideName(DialogueSide? side) => side switch
    {
        DialogueSide.Authority => "authority",
        DialogueSide.Participant => "participant",
        DialogueSide.Partner => "partner",
        _ => "",
    };
}
