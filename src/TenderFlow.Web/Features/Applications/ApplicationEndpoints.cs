using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Applications;

public static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/applications").WithTags("Applications").RequireAuthorization(TenderPolicies.SignedIn);

        // Staff: before the opening only the number of submitted applications; after it the content, for content readers.
        group.MapGet("/", async Task<Results<Ok<ApplicationsOverview>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, ApplicationReader reader, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadTenderAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (!IsStaff(http))
                {
                    return Forbidden(http);
                }
                var count = await reader.SubmittedCountAsync(id, ct);
                var opened = await ApplicationSeal.IsOpenedAsync(db, id, ct);
                if (!opened || !await ApplicationAccess.IsContentReaderAsync(http.User, id, db, ct))
                {
                    return TypedResults.Ok(new ApplicationsOverview(!opened, count, null));
                }
                var submitted = await db.Applications.AsNoTracking().Where(a => a.TenderId == id && a.Status == ApplicationStatus.Submitted)
                    .OrderBy(a => a.SubmittedAtUtc).ToListAsync(ct);
                var views = new List<ApplicationView>();
                foreach (var application in submitted)
                {
                    views.Add(await ReadAuditedAsync(http, db, reader, application, tender!, ct));
                }
                return TypedResults.Ok(new ApplicationsOverview(false, count, views));
            })
            .WithName("ListApplications");

        group.MapGet("/mine", async Task<Results<Ok<List<ApplicationView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, ApplicationReader reader, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadTenderAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (Caller(http) is not { } caller)
                {
                    return ApplicationRules.NoOrganisation().ToProblem(http);
                }
                var views = new List<ApplicationView>();
                foreach (var application in await reader.OwnAsync(id, caller.OrganisationId, ct))
                {
                    views.Add(await reader.ViewAsync(application, tender!, Language(http), ct));
                }
                return TypedResults.Ok(views);
            })
            .WithName("MyApplications");

        group.MapPost("/", async Task<Results<Created<ApplicationView>, ProblemHttpResult>> (
                Guid id, CreateApplicationRequest? request, TenderFlowDbContext db, ApplicationDesk desk, ApplicationReader reader, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadTenderAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (Caller(http) is not { } caller)
                {
                    return ApplicationRules.NoOrganisation().ToProblem(http);
                }
                var (application, violation) = await desk.CreateAsync(id, caller, request?.ConsortiumName, ct);
                return application is null
                    ? violation!.ToProblem(http)
                    : TypedResults.Created($"/api/tenders/{id}/applications/{application.Id}", await reader.ViewAsync(application, tender!, Language(http), ct));
            })
            .WithName("CreateApplication");

        group.MapGet("/{applicationId:guid}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (
                Guid id, Guid applicationId, TenderFlowDbContext db, ApplicationReader reader, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadTenderAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.TenderId == id, ct);
                var access = application is null ? DocumentAccess.Denied : await ApplicationAccess.DecideAsync(http.User, application, db, ct);
                if (access == DocumentAccess.Denied)
                {
                    return ApplicationRules.NotFound(applicationId).ToProblem(http);
                }
                return TypedResults.Ok(access == DocumentAccess.AllowedAndAudited
                    ? await ReadAuditedAsync(http, db, reader, application!, tender!, ct)
                    : await reader.ViewAsync(application!, tender!, Language(http), ct));
            })
            .WithName("GetApplication");

        group.MapPost("/{applicationId:guid}/members", (Guid id, Guid applicationId, AddMemberRequest request, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
                ChangeAsync(http, db, id, applicationId, caller => desk.AddMemberAsync(id, applicationId, caller, request.KvkNumber, request.Role, ct), ct))
            .WithName("AddApplicationMember");

        group.MapDelete("/{applicationId:guid}/members/{organisationId:guid}", (Guid id, Guid applicationId, Guid organisationId, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
                ChangeAsync(http, db, id, applicationId, caller => desk.RemoveMemberAsync(id, applicationId, caller, organisationId, ct), ct))
            .WithName("RemoveApplicationMember");

        group.MapPost("/{applicationId:guid}/references", async Task<Results<Created<ReferenceView>, ProblemHttpResult>> (
                Guid id, Guid applicationId, ReferenceRequest request, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
            {
                if (await RefuseApplicantAsync(http, db, id, ct) is { } refused)
                {
                    return refused;
                }
                var (reference, violation) = await desk.AddReferenceAsync(id, applicationId, Caller(http)!, request, ct);
                if (reference is null)
                {
                    return violation!.ToProblem(http);
                }
                var code = await db.SelectionRequirements.Where(r => r.Id == reference.RequirementId).Select(r => r.Code).SingleAsync(ct);
                return TypedResults.Created($"/api/tenders/{id}/applications/{applicationId}", new ReferenceView(reference.Id, reference.RequirementId, code,
                    reference.OrganisationId, reference.Client, reference.PeriodFrom, reference.PeriodTo, reference.CareForms, reference.Scale, reference.Description));
            })
            .WithName("AddApplicationReference");

        group.MapDelete("/{applicationId:guid}/references/{referenceId:guid}", (Guid id, Guid applicationId, Guid referenceId, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
                ChangeAsync(http, db, id, applicationId, caller => desk.RemoveReferenceAsync(id, applicationId, caller, referenceId, ct), ct))
            .WithName("RemoveApplicationReference");

        group.MapPut("/{applicationId:guid}/answers", (Guid id, Guid applicationId, AnswersRequest request, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
                ChangeAsync(http, db, id, applicationId, caller => desk.SaveAnswersAsync(id, applicationId, caller, request.Answers ?? [], ct), ct))
            .WithName("SaveApplicationAnswers");

        // Multipart: file + kind (vision | gva | bibob | reference), member (organisation id, for gva/bibob), issuedOn (gva), reference (id).
        group.MapPost("/{applicationId:guid}/documents", async Task<Results<Ok<UploadReceipt>, ProblemHttpResult>> (
                Guid id, Guid applicationId, ApplicationDesk desk, DocumentIntake intake, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
            {
                if (await RefuseApplicantAsync(http, db, id, ct) is { } refused)
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
                    var (receipt, warning, violation) = await desk.UploadAsync(id, applicationId, Caller(http)!, form, ct);
                    return receipt is null ? violation!.ToProblem(http) : TypedResults.Ok(new UploadReceipt(receipt, warning?.For(Language(http))));
                }
            })
            .DisableAntiforgery() // checked by MultipartUpload (header) without buffering the body
            .WithName("UploadApplicationDocument");

        group.MapPost("/{applicationId:guid}/submit", async Task<Results<Ok<SubmissionReceipt>, ProblemHttpResult>> (
                Guid id, Guid applicationId, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
            {
                if (await RefuseApplicantAsync(http, db, id, ct) is { } refused)
                {
                    return refused;
                }
                var (receipt, violation) = await desk.SubmitAsync(id, applicationId, Caller(http)!, ct);
                return receipt is null ? violation!.ToProblem(http) : TypedResults.Ok(receipt);
            })
            .WithName("SubmitApplication");

        group.MapPost("/{applicationId:guid}/withdraw", (Guid id, Guid applicationId, ApplicationDesk desk, HttpContext http, TenderFlowDbContext db, CancellationToken ct) =>
                ChangeAsync(http, db, id, applicationId, caller => desk.WithdrawAsync(id, applicationId, caller, ct), ct))
            .WithName("WithdrawApplication");
    }

    private static Task<Tender?> LoadTenderAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    private static bool IsStaff(HttpContext http) =>
        http.User.IsInRole(Roles.Procurement) || http.User.IsInRole(Roles.Legal) || http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Evaluator);

    public static Applicant? Caller(HttpContext http) =>
        http.User.IsInRole(Roles.Bidder) && http.User.OrganisationId() is { } org ? new Applicant(http.User.ToActor().Id, org) : null;

    private static string Language(HttpContext http) => Hosting.PortalCultures.RequestLanguage(http);

    private static ProblemHttpResult Forbidden(HttpContext http) =>
        new Domain.Workflow.Runtime.RuleViolation("TenderAccessRule", Domain.Workflow.Runtime.RuleKind.Forbidden,
            new("Alleen medewerkers van de gemeente zien de aanmeldingen.", "Only municipal staff see the applications.")).ToProblem(http);

    private static async Task<ProblemHttpResult?> RefuseApplicantAsync(HttpContext http, TenderFlowDbContext db, Guid id, CancellationToken ct)
    {
        if (await http.RefuseAsync(await LoadTenderAsync(db, id, ct), id) is { } refused)
        {
            return refused;
        }
        return Caller(http) is null ? ApplicationRules.NoOrganisation().ToProblem(http) : null;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(HttpContext http, TenderFlowDbContext db, Guid id, Guid applicationId,
        Func<Applicant, Task<Domain.Workflow.Runtime.RuleViolation?>> change, CancellationToken ct)
    {
        if (await RefuseApplicantAsync(http, db, id, ct) is { } refused)
        {
            return refused;
        }
        return await change(Caller(http)!) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent();
    }

    /// <summary>A staff read of sealed-then-opened content: the view plus an audit event naming what was seen.</summary>
    private static async Task<ApplicationView> ReadAuditedAsync(HttpContext http, TenderFlowDbContext db, ApplicationReader reader, Application application, Tender tender, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        await http.RequestServices.GetRequiredService<Audit.AuditWriter>().WriteAsync(actor.Id, actor.Roles.FirstOrDefault() ?? "", tender.Id,
            [new Domain.Audit.AuditRecord("application.read", $"application/{application.Id}", new { revision = application.Revision })], ct);
        return await reader.ViewAsync(application, tender, Language(http), ct, submittedVersionsOnly: true);
    }
}
