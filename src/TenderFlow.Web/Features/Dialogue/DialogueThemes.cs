using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Adding themes (participant or Procurement) and their status (Procurement only): open → agreed → closed, waived, reopened.</summary>
public sealed class DialogueThemes(TenderFlowDbContext db, DialogueGate gate, AuditTrail trail, Notifier notifier, TimeProvider clock)
{
    public const int MaxTitleLength = 300;

    public async Task<(DialogueTheme? Theme, RuleViolation? Violation)> AddAsync(Guid tenderId, AddThemeRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (titleNl, unreadableNl) = EnteredText.Read(request.TitleNl, "titleNl", multiline: false, "De titel", "The title");
        var (titleEn, unreadableEn) = EnteredText.Read(request.TitleEn, "titleEn", multiline: false, "De Engelse titel", "The English title");
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Themes, partnersToo: false, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if ((unreadableNl ?? unreadableEn) is { } unreadable)
        {
            return (null, unreadable);
        }
        if (titleNl is null || titleNl.Length > MaxTitleLength || titleEn?.Length > MaxTitleLength)
        {
            return (null, DialogueRules.TitleRequired());
        }
        titleEn ??= titleNl;
        var keys = await db.DialogueThemes.Where(t => t.TenderId == tenderId).Select(t => t.Key).ToListAsync(cancellationToken);
        var userId = DialogueGate.UserId(user);
        var theme = new DialogueTheme
        {
            Id = Guid.NewGuid(), TenderId = tenderId, Key = UniqueKey(titleNl, keys), TitleNl = titleNl, TitleEn = titleEn,
            Status = DialogueThemeStatus.Open, AddedByUserId = userId, AddedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DialogueThemes.Add(theme);
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.theme.added", $"dialogue-theme/{theme.Id}", new { theme.Key, theme.TitleNl, theme.TitleEn, side = viewer.Side.ToString() })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (theme, null);
    }

    public async Task<RuleViolation?> SetStatusAsync(Guid tenderId, Guid themeId, ThemeStatusRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var theme = await db.DialogueThemes.SingleOrDefaultAsync(t => t.Id == themeId && t.TenderId == tenderId, cancellationToken);
        if (theme is null || !viewer.Sees(theme))
        {
            return DialogueRules.ThemeNotFound(themeId);
        }
        if (!viewer.IsAuthority)
        {
            return DialogueRules.NotYourRole();
        }
        if (!await gate.IsOpenAsync(tender!, DialogueGate.Themes, cancellationToken))
        {
            return DialogueRules.PhaseClosed(DialogueGate.Themes);
        }
        if (!TryParse(request.Status, out var target))
        {
            return DialogueRules.UnknownStatus();
        }
        var from = theme.Status;
        var (reason, unreadableReason) = EnteredText.Read(request.Reason, "reason");
        var (outcome, unreadableOutcome) = EnteredText.Read(request.AgreedOutcome, "agreedOutcome");
        if ((unreadableReason ?? unreadableOutcome) is { } unreadable)
        {
            return unreadable;
        }
        if (outcome?.Length > DialogueTheme.MaxOutcomeLength)
        {
            return DialogueRules.StatusTextTooLong("agreedOutcome", DialogueTheme.MaxOutcomeLength);
        }
        if (reason?.Length > DialogueTheme.MaxReasonLength)
        {
            return DialogueRules.StatusTextTooLong("reason", DialogueTheme.MaxReasonLength);
        }
        // Settling a theme ends the approval of its minutes. Minutes awaiting approval are not settled over silently, but one side
        // withholding its approval must not hold up the end of the dialogue either: with a reason the theme settles, the minutes
        // stay marked as not approved, and the trail names them.
        IReadOnlyList<UnapprovedMinutes> unapproved = target is DialogueThemeStatus.Closed or DialogueThemeStatus.Waived
            ? await db.DialogueMeetings.AsNoTracking()
                .Where(m => m.ThemeId == theme.Id && m.MinutesDocumentId != null && m.MinutesApprovedAtUtc == null)
                .Select(m => new UnapprovedMinutes(m.Id, m.MinutesDocumentId!.Value, DialogueQueries.SideName(m.MinutesUploadedBy))).ToListAsync(cancellationToken)
            : [];
        if (unapproved.Count > 0 && string.IsNullOrEmpty(reason))
        {
            return DialogueRules.MinutesAwaitingApproval();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        switch (target)
        {
            case DialogueThemeStatus.Agreed when from == DialogueThemeStatus.Open:
                if (string.IsNullOrEmpty(outcome))
                {
                    return DialogueRules.AgreedOutcomeRequired();
                }
                theme.AgreedOutcome = outcome;
                theme.AgreedAtUtc = now;
                break;
            case DialogueThemeStatus.Closed when from == DialogueThemeStatus.Agreed:
                theme.ClosedAtUtc = now;
                break;
            case DialogueThemeStatus.Waived when from is DialogueThemeStatus.Open or DialogueThemeStatus.Agreed:
                if (string.IsNullOrEmpty(reason))
                {
                    return DialogueRules.WaiverReasonRequired();
                }
                theme.WaiverReason = reason;
                theme.ClosedAtUtc = now;
                // A waived theme has no agreement (the one it had stays in the audit trail).
                theme.AgreedOutcome = null;
                theme.AgreedAtUtc = null;
                break;
            case DialogueThemeStatus.Open when from != DialogueThemeStatus.Open:
                if (string.IsNullOrEmpty(reason))
                {
                    return DialogueRules.ReopenReasonRequired();
                }
                // The previous outcome stays in the audit trail; an open theme has none.
                theme.AgreedOutcome = null;
                theme.AgreedAtUtc = null;
                theme.ClosedAtUtc = null;
                theme.WaiverReason = null;
                break;
            default:
                return DialogueRules.Transition(Name(from), Name(target));
        }
        theme.Status = target;
        var userId = DialogueGate.UserId(user);
        // The participant confirms an agreed outcome on the theme page; the notice (also an e-mail) names the theme, not the outcome.
        var participants = (await DialogueRecipients.OtherSideAsync(db, tenderId, DialogueSide.Authority, cancellationToken)).Where(r => r != userId);
        notifier.NotifyUsers(db, participants, tenderId, $"dialogue.theme.{Name(target)}", StatusNotice(theme, target, unapproved.Count > 0), DialoguePaths.Theme(tenderId, theme.Id));
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord($"dialogue.theme.{Name(target)}", $"dialogue-theme/{theme.Id}",
                new { from = Name(from), to = Name(target), agreedOutcome = theme.AgreedOutcome, reason, unapprovedMinutes = unapproved.Count > 0 ? unapproved : null })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    public static string Name(DialogueThemeStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Minutes a theme was settled without: named in the trail.</summary>
    private sealed record UnapprovedMinutes(Guid Meeting, Guid Document, string UploadedBy);

    private static LocalizedText StatusNotice(DialogueTheme theme, DialogueThemeStatus status, bool minutesUnapproved)
    {
        var (nl, en) = status switch
        {
            DialogueThemeStatus.Agreed => ($"Voor het dialoogthema “{theme.TitleNl}” is een afspraak vastgelegd. Lees en controleer de afspraak bij het thema.",
                $"An agreed outcome has been recorded for the dialogue theme “{theme.TitleEn}”. Read and check it on the theme's page."),
            DialogueThemeStatus.Closed => ($"Het dialoogthema “{theme.TitleNl}” is afgerond.", $"The dialogue theme “{theme.TitleEn}” has been closed."),
            DialogueThemeStatus.Waived => ($"Het dialoogthema “{theme.TitleNl}” is vervallen.", $"The dialogue theme “{theme.TitleEn}” has been waived."),
            _ => ($"Het dialoogthema “{theme.TitleNl}” is heropend.", $"The dialogue theme “{theme.TitleEn}” has been reopened."),
        };
        return minutesUnapproved
            ? new(nl + " Een verslag van een overleg over dit thema is niet goedgekeurd en blijft zo gemarkeerd.",
                en + " Minutes of a meeting on this theme were not approved and stay marked as such.")
            : new(nl, en);
    }

    private static bool TryParse(string? value, out DialogueThemeStatus status)
    {
        status = default;
        return value is not null && !int.TryParse(value, out _) && Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    /// <summary>A readable key from the Dutch title ("extra-" + slug), numbered when taken.</summary>
    private static string UniqueKey(string title, IReadOnlyCollection<string> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var stem = "extra-" + (slug.ToString().Trim('-') is { Length: > 0 } s ? s[..Math.Min(s.Length, 60)].Trim('-') : "thema");
        var key = stem;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }
        return key;
    }
}
