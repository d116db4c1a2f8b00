using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Dialogue;

public sealed record PartnerOption(string UserId, string Name);

/// <summary>One theme: status and outcome, meetings and minutes, the message thread, documents, and (Procurement) the invited partners.</summary>
public sealed class ThemeModel(
    TenderFlowDbContext db, DialogueGate gate, DialogueQueries queries, DialogueThemes themes, DialogueConversation conversation,
    DialogueMeetings meetings, DialoguePartners partners) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public ThemeDetailView Theme { get; private set; } = null!;
    public DialogueViewer Viewer { get; private set; } = DialogueViewer.Outsider;
    public bool ThemesOpen { get; private set; }
    public bool MeetingsOpen { get; private set; }
    public bool PartnersOpen { get; private set; }
    public IReadOnlyList<PartnerOption> PartnerOptions { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The field the refusal is about, so that field can point to the message (WCAG 3.3.1).</summary>
    public string? ErrorField { get; private set; }

    /// <summary>The attributes that tie <paramref name="field"/> to the error message when the refusal is about it.</summary>
    public Shared.FieldError ErrorOf(string field) => Shared.FieldError.For(ErrorField, field);

    public bool Settled => Theme.Status is "closed" or "waived";
    public bool MayTalk => ThemesOpen && !Settled && (Viewer.IsParty || Viewer.IsPartner);
    public bool MayShare => ThemesOpen && !Settled && Viewer.IsParty;
    public bool MayMeet => MeetingsOpen && !Settled && Viewer.IsParty;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid themeId, CancellationToken cancellationToken) =>
        await LoadAsync(id, themeId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostMessageAsync(Guid id, Guid themeId, string? text, Guid? replyTo, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, async () => (await conversation.PostAsync(id, themeId, new PostMessageRequest(text, replyTo), User, cancellationToken)).Violation,
            "Your message has been posted.", cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(Guid id, Guid themeId, string? status, string? agreedOutcome, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, () => themes.SetStatusAsync(id, themeId, new ThemeStatusRequest(status, agreedOutcome, reason), User, cancellationToken),
            "The status of the theme has been changed.", cancellationToken);

    public Task<IActionResult> OnPostMeetingAsync(Guid id, Guid themeId, DateTime? startsAtLocal, string? location, string? agenda, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, async () =>
            {
                DateTimeOffset? startsAt = startsAtLocal is { } local ? new DateTimeOffset(AmsterdamTime.ToUtcLenient(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)), TimeSpan.Zero) : null;
                return (await meetings.ScheduleAsync(id, themeId, new ScheduleMeetingRequest(startsAt, location, agenda), User, cancellationToken)).Violation;
            },
            "The meeting has been scheduled.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid themeId, Guid meetingId, Guid? documentId, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, () => meetings.ApproveMinutesAsync(id, meetingId, documentId, User, cancellationToken), "The minutes have been approved.", cancellationToken);

    public Task<IActionResult> OnPostInviteAsync(Guid id, Guid themeId, string? partnerId, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, () => partners.InviteAsync(id, themeId, partnerId, User, cancellationToken), "The partner has been invited.", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid themeId, string partnerId, CancellationToken cancellationToken) =>
        ActAsync(id, themeId, () => partners.RevokeAsync(id, themeId, partnerId, User, cancellationToken), "The invitation has been withdrawn.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Guid themeId, Func<Task<RuleViolation?>> act, string done, CancellationToken cancellationToken)
    {
        var violation = await act();
        if (violation is null)
        {
            TempData["Message"] = PortalText.Get(done);
            return Redirect(DialoguePaths.Theme(id, themeId));
        }
        if (violation.Kind == RuleKind.NotFound || violation.Rule == DialogueRules.NoAccess().Rule || violation.Rule == DialogueRules.DeclarationRequired().Rule)
        {
            return DialoguePage.Refuse(this, id, violation);
        }
        if (await LoadAsync(id, themeId, cancellationToken) is { } refused)
        {
            return refused;
        }
        Error = PortalText.For(violation.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind switch
        {
            RuleKind.Forbidden => StatusCodes.Status403Forbidden,
            RuleKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid themeId, CancellationToken cancellationToken)
    {
        var (theme, viewer, refused) = await queries.ThemeAsync(id, themeId, User, cancellationToken);
        if (refused is not null)
        {
            return DialoguePage.Refuse(this, id, refused);
        }
        Theme = theme!;
        Viewer = viewer;
        Tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        ThemesOpen = await gate.IsOpenAsync(Tender, DialogueGate.Themes, cancellationToken);
        MeetingsOpen = await gate.IsOpenAsync(Tender, DialogueGate.Meetings, cancellationToken);
        PartnersOpen = await gate.IsOpenAsync(Tender, DialogueGate.Partners, cancellationToken);
        if (viewer.IsAuthority)
        {
            PartnerOptions = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner)))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
                .Select(u => new PartnerOption(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id)).ToListAsync(cancellationToken);
        }
        return null;
    }
}
