using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Dialogue;

public static class DialogueEndpoints
{
    public static void MapDialogueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/dialogue").WithTags("Dialogue").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/themes", async Task<Results<Ok<IReadOnlyList<ThemeSummaryView>>, ProblemHttpResult>> (
                Guid id, DialogueQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (themes, _, refused) = await queries.ThemesAsync(id, http.User, ct);
                return refused is not null ? refused.ToProblem(http) : TypedResults.Ok(themes!);
            })
            .WithName("ListDialogueThemes");

        group.MapPost("/themes", async Task<Results<Created<ThemeSummaryView>, ProblemHttpResult>> (
                Guid id, AddThemeRequest request, DialogueThemes themes, HttpContext http, CancellationToken ct) =>
            {
                var (theme, violation) = await themes.AddAsync(id, request, http.User, ct);
                return theme is null ? violation!.ToProblem(http)
                    : TypedResults.Created($"/api/tenders/{id}/dialogue/themes/{theme.Id}",
                        new ThemeSummaryView(theme.Id, theme.Key, theme.TitleNl, theme.TitleEn, DialogueThemes.Name(theme.Status), theme.AgreedOutcome));
            })
            .WithName("AddDialogueTheme");

        group.MapGet("/themes/{themeId:guid}", async Task<Results<Ok<ThemeDetailView>, ProblemHttpResult>> (
                Guid id, Guid themeId, DialogueQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (theme, _, refused) = await queries.ThemeAsync(id, themeId, http.User, ct);
                return refused is not null ? refused.ToProblem(http) : TypedResults.Ok(theme!);
            })
            .WithName("GetDialogueTheme");

        group.MapPost("/themes/{themeId:guid}/status", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid themeId, ThemeStatusRequest request, DialogueThemes themes, HttpContext http, CancellationToken ct) =>
                await themes.SetStatusAsync(id, themeId, request, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent())
            .WithName("SetDialogueThemeStatus");

        group.MapPost("/themes/{themeId:guid}/partners", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid themeId, InvitePartnerRequest request, DialoguePartners partners, HttpContext http, CancellationToken ct) =>
                await partners.InviteAsync(id, themeId, request.UserId, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent())
            .WithName("InviteDialoguePartner");

        group.MapDelete("/themes/{themeId:guid}/partners/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid themeId, string userId, DialoguePartners partners, HttpContext http, CancellationToken ct) =>
                await partners.RevokeAsync(id, themeId, userId, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent())
            .WithName("RevokeDialoguePartner");

        group.MapPost("/declaration", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ConfidentialityDeclarationRequest request, DialoguePartners partners, HttpContext http, CancellationToken ct) =>
                await partners.AcceptDeclarationAsync(id, request.Accept, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent())
            .WithName("AcceptDialogueDeclaration");

        group.MapPost("/themes/{themeId:guid}/messages", async Task<Results<Created<MessageView>, ProblemHttpResult>> (
                Guid id, Guid themeId, PostMessageRequest request, DialogueConversation conversation, HttpContext http, CancellationToken ct) =>
            {
                var (message, violation) = await conversation.PostAsync(id, themeId, request, http.User, ct);
                return message is null ? violation!.ToProblem(http)
                    : TypedResults.Created($"/api/tenders/{id}/dialogue/themes/{themeId}",
                        new MessageView(message.Id, message.ReplyToId, message.AuthorName, DialogueQueries.SideName(message.Side), message.Text, message.PostedAtUtc));
            })
            .WithName("PostDialogueMessage");

        group.MapPost("/themes/{themeId:guid}/meetings", async Task<Results<Created<MeetingView>, ProblemHttpResult>> (
                Guid id, Guid themeId, ScheduleMeetingRequest request, DialogueMeetings meetings, HttpContext http, CancellationToken ct) =>
            {
                var (meeting, violation) = await meetings.ScheduleAsync(id, themeId, request, http.User, ct);
                return meeting is null ? violation!.ToProblem(http)
                    : TypedResults.Created($"/api/tenders/{id}/dialogue/themes/{themeId}",
                        new MeetingView(meeting.Id, meeting.StartsAtUtc, Domain.Time.AmsterdamTime.ToLocalOffset(meeting.StartsAtUtc), meeting.Location, meeting.Agenda, null));
            })
            .WithName("ScheduleDialogueMeeting");

        // Multipart, streamed by the Documents foundation; cookie callers send the antiforgery token as a header.
        group.MapPost("/meetings/{meetingId:guid}/minutes", async Task<Results<Ok<DocumentReceipt>, ProblemHttpResult>> (
                Guid id, Guid meetingId, DocumentIntake intake, DialogueMeetings meetings, DialogueGate gate, HttpContext http, CancellationToken ct) =>
            {
                // Who may upload is known before the body is read: an outsider's file is never staged.
                if (await PartyOnlyAsync(gate, id, http, ct, meetingId: meetingId) is { } refused)
                {
                    return refused.ToProblem(http);
                }
                var (form, invalid) = await MultipartUpload.ReadAsync(http, intake, ct);
                if (form?.Document is null)
                {
                    form?.Dispose();
                    return (invalid ?? DocumentRules.NoFile()).ToProblem(http);
                }
                using (form)
                {
                    var (document, violation) = await meetings.UploadMinutesAsync(id, meetingId, form.Document, http.User, ct);
                    return document is null ? violation!.ToProblem(http) : TypedResults.Ok(DocumentReceipt.From(document));
                }
            })
            .DisableAntiforgery().WithName("UploadDialogueMinutes");

        group.MapPost("/meetings/{meetingId:guid}/minutes/approval", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid meetingId, MinutesApprovalRequest? request, DialogueMeetings meetings, HttpContext http, CancellationToken ct) =>
                await meetings.ApproveMinutesAsync(id, meetingId, request?.DocumentId, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent())
            .WithName("ApproveDialogueMinutes");

        group.MapPost("/themes/{themeId:guid}/documents", async Task<Results<Ok<DocumentReceipt>, ProblemHttpResult>> (
                Guid id, Guid themeId, DocumentIntake intake, DialogueDocuments documents, DialogueGate gate, HttpContext http, CancellationToken ct) =>
            {
                // Who may upload is known before the body is read: an outsider's file is never staged.
                if (await PartyOnlyAsync(gate, id, http, ct, themeId: themeId) is { } refused)
                {
                    return refused.ToProblem(http);
                }
                var (form, invalid) = await MultipartUpload.ReadAsync(http, intake, ct);
                if (form?.Document is null)
                {
                    form?.Dispose();
                    return (invalid ?? DocumentRules.NoFile()).ToProblem(http);
                }
                using (form)
                {
                    var (document, violation) = await documents.UploadAsync(id, themeId, form.Document, http.User, ct);
                    return document is null ? violation!.ToProblem(http) : TypedResults.Ok(DocumentReceipt.From(document));
                }
            })
            .DisableAntiforgery().WithName("UploadDialogueDocument");
    }

    /// <summary>A theme or meeting one is not invited to does not exist (404), so its existence does not leak; otherwise only the two sides upload.</summary>
    private static async Task<Domain.Workflow.Runtime.RuleViolation?> PartyOnlyAsync(DialogueGate gate, Guid id, HttpContext http, CancellationToken ct,
        Guid? themeId = null, Guid? meetingId = null)
    {
        var (_, viewer, refused) = await gate.EnterAsync(id, http.User, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (meetingId is { } meeting && !await gate.SeesMeetingAsync(id, meeting, viewer, ct))
        {
            return DialogueRules.MeetingNotFound(meeting);
        }
        if (themeId is { } theme && !await gate.SeesThemeAsync(id, theme, viewer, ct))
        {
            return DialogueRules.ThemeNotFound(theme);
        }
        return viewer.IsParty ? null : DialogueRules.NotYourRole();
    }
}
