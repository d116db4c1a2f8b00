using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Meetings per theme (either side schedules), their minutes (uploaded by one side) and the other side's approval.</summary>
public sealed class DialogueMeetings(TenderFlowDbContext db, DialogueGate gate, DocumentIntake intake, AuditTrail trail, Notifier notifier, TimeProvider clock)
{
    public async Task<(DialogueMeeting? Meeting, RuleViolation? Violation)> ScheduleAsync(
        Guid tenderId, Guid themeId, ScheduleMeetingRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
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
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Meetings, partnersToo: false, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if (theme.IsSettled)
        {
            return (null, DialogueRules.ThemeSettled());
        }
        var (location, unreadableLocation) = EnteredText.Read(request.Location, "location", multiline: false, "De plaats of link", "The place or link");
        var (agenda, unreadableAgenda) = EnteredText.Read(request.Agenda, "agenda", multiline: true, "De agenda", "The agenda");
        if ((unreadableLocation ?? unreadableAgenda) is { } unreadable)
        {
            return (null, unreadable);
        }
        if (request.StartsAt is null)
        {
            return (null, DialogueRules.MeetingInput("startsAt"));
        }
        if (Domain.Time.AmsterdamMoment.Check(request.StartsAt.Value, "startsAt") is { } badMoment)
        {
            return (null, badMoment);
        }
        if (location is null || location.Length > DialogueMeeting.MaxLocationLength)
        {
            return (null, DialogueRules.MeetingInput("location"));
        }
        if (agenda is null || agenda.Length > DialogueMeeting.MaxAgendaLength)
        {
            return (null, DialogueRules.MeetingInput("agenda"));
        }
        var userId = DialogueGate.UserId(user);
        var meeting = new DialogueMeeting
        {
            Id = Guid.NewGuid(), TenderId = tenderId, ThemeId = themeId, StartsAtUtc = request.StartsAt.Value.UtcDateTime,
            Location = location, Agenda = agenda, CreatedByUserId = userId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DialogueMeetings.Add(meeting);
        await NotifyOtherSideAsync(tenderId, theme, viewer.Side!.Value, userId, "dialogue.meeting.scheduled",
            new($"Nieuw overleg gepland voor het dialoogthema “{theme.TitleNl}”.", $"New meeting scheduled for the dialogue theme “{theme.TitleEn}”."), cancellationToken);
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.meeting.scheduled", $"dialogue-meeting/{meeting.Id}", new { theme = themeId, startsAtUtc = meeting.StartsAtUtc, location })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (meeting, null);
    }

    public async Task<(DocumentRecord? Document, RuleViolation? Violation)> UploadMinutesAsync(
        Guid tenderId, Guid meetingId, StagedDocument staged, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, meeting, theme, refused) = await MeetingAsync(tenderId, meetingId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Meetings, partnersToo: false, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if (theme!.IsSettled)
        {
            return (null, DialogueRules.ThemeSettled());
        }
        var userId = DialogueGate.UserId(user);
        var (record, uploaded) = await intake.RecordAsync(db, staged, new DocumentTarget(tenderId, meeting!.MinutesOwner, DialogueThemeDocuments.MinutesKind, null), userId, cancellationToken, nameInTrail: false);
        // A new version must be approved again, by the side that did not upload it.
        meeting.MinutesDocumentId = record.Id;
        meeting.MinutesUploadedBy = viewer.Side;
        meeting.MinutesApprovedAtUtc = null;
        meeting.MinutesApprovedByUserId = null;
        await NotifyOtherSideAsync(tenderId, theme, viewer.Side!.Value, userId, "dialogue.minutes.uploaded",
            new($"Het verslag van een overleg over “{theme.TitleNl}” wacht op uw goedkeuring.", $"The minutes of a meeting on “{theme.TitleEn}” await your approval."), cancellationToken);
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [uploaded, new AuditRecord("dialogue.minutes.uploaded", $"dialogue-meeting/{meetingId}", new { theme = theme.Id, document = record.Id, record.FileName, record.Version, side = viewer.Side.ToString() })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (record, null);
    }

    /// <summary>Approves the minutes version <paramref name="documentId"/> the approver read; refused when another version has been uploaded since.</summary>
    public async Task<RuleViolation?> ApproveMinutesAsync(Guid tenderId, Guid meetingId, Guid? documentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (tender, viewer, meeting, theme, refused) = await MeetingAsync(tenderId, meetingId, user, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await gate.MayWriteAsync(tender!, viewer, DialogueGate.Meetings, partnersToo: false, cancellationToken) is { } closed)
        {
            return closed;
        }
        if (theme!.IsSettled)
        {
            return DialogueRules.ThemeSettled();
        }
        if (meeting!.MinutesDocumentId is null)
        {
            return DialogueRules.NoMinutes();
        }
        if (meeting.MinutesUploadedBy == viewer.Side)
        {
            return DialogueRules.OwnSideApproval();
        }
        if (documentId is null)
        {
            return DialogueRules.MinutesVersionRequired();
        }
        if (meeting.MinutesDocumentId != documentId)
        {
            return DialogueRules.MinutesChanged();
        }
        if (meeting.MinutesApprovedAtUtc is not null)
        {
            return DialogueRules.MinutesAlreadyApproved();
        }
        var userId = DialogueGate.UserId(user);
        meeting.MinutesApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
        meeting.MinutesApprovedByUserId = userId;
        await trail.AppendAsync(db, userId, DialogueGate.AuditRole(viewer), tenderId,
            [new AuditRecord("dialogue.minutes.approved", $"dialogue-meeting/{meetingId}", new { theme = theme.Id, document = meeting.MinutesDocumentId, side = viewer.Side.ToString() })],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The meeting and its theme, tracked; a meeting of a theme one is not invited to does not exist.</summary>
    private async Task<(Tender? Tender, DialogueViewer Viewer, DialogueMeeting? Meeting, DialogueTheme? Theme, RuleViolation? Refused)> MeetingAsync(
        Guid tenderId, Guid meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, user, cancellationToken);
        if (refused is not null)
        {
            return (null, viewer, null, null, refused);
        }
        var meeting = await db.DialogueMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.TenderId == tenderId, cancellationToken);
        var theme = meeting is null ? null : await db.DialogueThemes.AsNoTracking().SingleAsync(t => t.Id == meeting.ThemeId, cancellationToken);
        if (meeting is null || theme is null || !viewer.Sees(theme))
        {
            return (null, viewer, null, null, DialogueRules.MeetingNotFound(meetingId));
        }
        return (tender, viewer, meeting, theme, null);
    }

    private async Task NotifyOtherSideAsync(Guid tenderId, DialogueTheme theme, DialogueSide side, string userId, string kind,
        Domain.Workflow.Definitions.LocalizedText text, CancellationToken cancellationToken)
    {
        var recipients = (await DialogueRecipients.OtherSideAsync(db, tenderId, side, cancellationToken)).Where(r => r != userId);
        notifier.NotifyUsers(db, recipients, tenderId, kind, text, DialoguePaths.Theme(tenderId, theme.Id));
    }
}
