using System.Text;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Public;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Consultation;

public static class ConsultationEndpoints
{
    public static void MapConsultationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/consultation").WithTags("Consultation").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/sessions", async Task<Results<Ok<List<SessionView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, refused) = await AuthoriseAsync(http, db, id);
                return refused ?? (Results<Ok<List<SessionView>>, ProblemHttpResult>)TypedResults.Ok(await queries.SessionsAsync(tender!, http.User, ct));
            })
            .WithName("ListConsultationSessions");

        group.MapPost("/sessions", async Task<Results<Created<SessionView>, ProblemHttpResult>> (
                Guid id, SessionRequest request, TenderFlowDbContext db, SessionScheduling scheduling, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, refused) = await AuthoriseAsync(http, db, id, TenderOperations.Manage);
                if (refused is not null)
                {
                    return refused;
                }
                var (schedule, incomplete) = request.ToSchedule();
                var (session, violation) = schedule is null ? (null, incomplete) : await scheduling.ScheduleAsync(id, schedule, http.User.ToActor(), ct);
                if (session is null)
                {
                    return violation!.ToProblem(http);
                }
                var view = (await queries.SessionsAsync(tender!, http.User, ct, session.Id)).Single();
                return TypedResults.Created($"/api/tenders/{id}/consultation/sessions/{session.Id}", view);
            })
            .WithName("ScheduleConsultationSession");

        group.MapGet("/sessions/{sessionId:guid}", async Task<Results<Ok<SessionView>, ProblemHttpResult>> (
                Guid id, Guid sessionId, TenderFlowDbContext db, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, refused) = await AuthoriseAsync(http, db, id);
                if (refused is not null)
                {
                    return refused;
                }
                var view = (await queries.SessionsAsync(tender!, http.User, ct, sessionId)).SingleOrDefault();
                return view is null ? ConsultationRules.SessionNotFound(sessionId).ToProblem(http) : TypedResults.Ok(view);
            })
            .WithName("GetConsultationSession");

        group.MapPut("/sessions/{sessionId:guid}", async Task<Results<Ok<SessionView>, ProblemHttpResult>> (
                Guid id, Guid sessionId, SessionRequest request, TenderFlowDbContext db, SessionScheduling scheduling, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, refused) = await AuthoriseAsync(http, db, id, TenderOperations.Manage);
                if (refused is not null)
                {
                    return refused;
                }
                var (schedule, incomplete) = request.ToSchedule();
                var violation = schedule is null ? incomplete : await scheduling.UpdateAsync(id, sessionId, schedule, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.Ok((await queries.SessionsAsync(tender!, http.User, ct, sessionId)).Single());
            })
            .WithName("UpdateConsultationSession");

        group.MapPost("/sessions/{sessionId:guid}/cancel", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid sessionId, TenderFlowDbContext db, SessionScheduling scheduling, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id, TenderOperations.Manage);
                if (refused is not null)
                {
                    return refused;
                }
                var violation = await scheduling.CancelAsync(id, sessionId, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("CancelConsultationSession");

        group.MapGet("/sessions/{sessionId:guid}/registrations", async Task<Results<Ok<List<RegistrationView>>, ProblemHttpResult>> (
                Guid id, Guid sessionId, TenderFlowDbContext db, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id);
                if (refused is not null)
                {
                    return refused;
                }
                if (!await db.ConsultationSessions.AnyAsync(s => s.Id == sessionId && s.TenderId == id, ct))
                {
                    return ConsultationRules.SessionNotFound(sessionId).ToProblem(http);
                }
                if (ConsultationActors.AttendeeListReaders.Any(http.User.IsInRole))
                {
                    return TypedResults.Ok(await queries.RegistrationsAsync(sessionId, null, ct));
                }
                return OwnOrganisation(http) is { } organisation
                    ? TypedResults.Ok(await queries.RegistrationsAsync(sessionId, organisation, ct))
                    : ConsultationRules.NoOrganisation().ToProblem(http);
            })
            .WithName("ListSessionRegistrations");

        group.MapPost("/sessions/{sessionId:guid}/registrations", async Task<Results<Created<RegistrationView>, ProblemHttpResult>> (
                Guid id, Guid sessionId, RegisterRequest request, TenderFlowDbContext db, SessionRegistrations registrations, ConsultationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id);
                if (refused is not null)
                {
                    return refused;
                }
                if (OwnOrganisation(http) is not { } organisation)
                {
                    return ConsultationRules.NoOrganisation().ToProblem(http);
                }
                var (registration, violation) = await registrations.RegisterAsync(id, sessionId, organisation, request.Attendees ?? [], http.User.ToActor(), ct);
                if (registration is null)
                {
                    return violation!.ToProblem(http);
                }
                var view = (await queries.RegistrationsAsync(sessionId, organisation, ct)).Single(r => r.Id == registration.Id);
                return TypedResults.Created($"/api/tenders/{id}/consultation/sessions/{sessionId}/registrations/{registration.Id}", view);
            })
            .WithName("RegisterForSession");

        group.MapDelete("/sessions/{sessionId:guid}/registrations/{registrationId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid sessionId, Guid registrationId, TenderFlowDbContext db, SessionRegistrations registrations, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id);
                if (refused is not null)
                {
                    return refused;
                }
                if (OwnOrganisation(http) is not { } organisation)
                {
                    return ConsultationRules.NoOrganisation().ToProblem(http);
                }
                var violation = await registrations.CancelAsync(id, sessionId, registrationId, organisation, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("CancelSessionRegistration");

        group.MapPut("/sessions/{sessionId:guid}/attendance", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid sessionId, AttendanceRequest request, TenderFlowDbContext db, SessionAttendance attendance, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id, TenderOperations.Manage);
                if (refused is not null)
                {
                    return refused;
                }
                var violation = await attendance.RecordAsync(id, sessionId, request.Marks ?? [], http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("RecordSessionAttendance");

        // Multipart, streamed by the Documents foundation; cookie callers send the antiforgery token as a header.
        group.MapPost("/sessions/{sessionId:guid}/report", async Task<Results<Created<DocumentReceipt>, ProblemHttpResult>> (
                Guid id, Guid sessionId, TenderFlowDbContext db, DocumentIntake intake, SessionReports reports, HttpContext http, CancellationToken ct) =>
            {
                var (_, refused) = await AuthoriseAsync(http, db, id, TenderOperations.Manage);
                if (refused is not null)
                {
                    return refused;
                }
                var (form, invalid) = await MultipartUpload.ReadAsync(http, intake, ct);
                if (form is null)
                {
                    return invalid!.ToProblem(http);
                }
                using (form)
                {
                    var isPublic = form.Field("public") is "true" or "on";
                    var (document, violation) = await reports.PublishAsync(id, sessionId, form.Document!, isPublic, http.User.ToActor(), ct);
                    return document is null ? violation!.ToProblem(http) : TypedResults.Created($"/api/documents/{document.Id}", DocumentReceipt.From(document));
                }
            })
            .DisableAntiforgery().WithName("UploadSessionReport");

        group.MapGet("/participants.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, ParticipantsExport export, HttpContext http, CancellationToken ct) =>
            {
                var (tender, refused) = await AuthoriseAsync(http, db, id);
                if (refused is not null)
                {
                    return refused;
                }
                var role = new[] { Roles.Procurement, Roles.Legal }.FirstOrDefault(http.User.IsInRole);
                if (role is null)
                {
                    return http.Forbidden();
                }
                var csv = await export.ExportAsync(id, http.User.ToActor(), role, ct);
                // A BOM so spreadsheet programs read the names as UTF-8.
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", ParticipantsExport.FileName(tender!.Reference));
            })
            .WithName("ExportConsultationParticipants");

        app.MapGet("/api/public/sessions/{sessionId:guid}.ics", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                Guid sessionId, TenderFlowDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var found = await db.ConsultationSessions.AsNoTracking().Where(s => s.Id == sessionId)
                    .Join(db.Tenders.Where(t => t.AnnouncedAtUtc != null), s => s.TenderId, t => t.Id, (s, t) => new { Session = s, t.Reference, t.Title })
                    .SingleOrDefaultAsync(ct);
                if (found is null)
                {
                    return ConsultationRules.SessionNotFound(sessionId).ToProblem(http);
                }
                var publicUrl = $"{PublicAddress.Base(http)}/openbaar/{Uri.EscapeDataString(found.Reference)}";
                // Anyone may download the file; the meeting link goes only to those who may join (a signed-in download).
                var own = OwnOrganisation(http) is { } organisation
                    ? await db.SessionRegistrations.AsNoTracking().Where(r => r.SessionId == sessionId && r.OrganisationId == organisation)
                        .OrderBy(r => r.Status == RegistrationStatus.Cancelled).ThenByDescending(r => r.QueueNumber).FirstOrDefaultAsync(ct)
                    : null;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"sessie-{sessionId:N}.ics\"";
                http.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.Text(SessionCalendar.Render(found.Session, found.Reference, found.Title, publicUrl, OnlineLink.MayJoin(http.User, own)),
                    SessionCalendar.ContentType);
            })
            .AllowAnonymous().WithTags("Consultation").WithName("SessionCalendar");
    }

    private static async Task<(Tender? Tender, ProblemHttpResult? Refused)> AuthoriseAsync(
        HttpContext http, TenderFlowDbContext db, Guid id, params OperationAuthorizationRequirement[] operations)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, http.RequestAborted);
        return (tender, await http.RefuseAsync(tender, id, operations));
    }

    private static Guid? OwnOrganisation(HttpContext http) => http.User.IsInRole(Roles.Bidder) ? http.User.OrganisationId() : null;
}
