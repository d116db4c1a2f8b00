using System.Net.Http.Json;
using System.Text;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Authorization.Callers;

namespace TenderFlow.Web.Tests.Authorization;

public delegate Task<HttpResponseMessage> MatrixRequest(HttpClient client, MatrixWorld world);

public sealed record MatrixRow(MatrixRequest Send, Caller[] Allowed, bool FreshTender = false);

/// <summary>
/// The table: every endpoint and page handler, how to call it, and who may. A new endpoint without a row fails
/// <see cref="AuthorizationMatrixTests.Every_endpoint_has_a_row"/>.
/// </summary>
public static class AuthorizationMatrix
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    public static readonly IReadOnlyDictionary<string, MatrixRow> Rows = new Dictionary<string, MatrixRow>
    {
        ["GET /health"] = new((c, _) => c.GetAsync("/health"), Everyone),
        ["GET /openapi/{documentName}.json"] = new((c, _) => c.GetAsync("/openapi/v1.json"), Everyone),
        ["GET /scalar/{documentName?}"] = new((c, _) => c.GetAsync("/scalar/v1"), Everyone),
        ["GET /scalar/favicon.svg"] = new((c, _) => c.GetAsync("/scalar/favicon.svg"), Everyone),
        ["GET /scalar/scalar.aspnetcore.js"] = new((c, _) => c.GetAsync("/scalar/scalar.aspnetcore.js"), Everyone),
        ["GET /scalar/scalar.js"] = new((c, _) => c.GetAsync("/scalar/scalar.js"), Everyone),

        ["GET /api/workflows/"] = new((c, _) => c.GetAsync("/api/workflows"), SignedIn),
        ["GET /api/workflows/{id}"] = new((c, _) => c.GetAsync("/api/workflows/sas-dialogue"), SignedIn),

        ["GET /api/tenders/"] = new((c, _) => c.GetAsync("/api/tenders"), SignedIn),
        ["POST /api/tenders/"] = new((c, _) => c.PostAsync("/api/tenders", Json("""{"definitionId":"sas-dialogue","reference":"M-1"}""")), ProcurementOnly),
        ["GET /api/tenders/{id:guid}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}"), TenderReaders),
        ["POST /api/tenders/{id:guid}/triggers/{trigger}"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/triggers/cancel", Json("{}")), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/announce"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/announce", null), ProcurementOnly, FreshTender: true),
        ["POST /api/tenders/{id:guid}/evaluators"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluators", new { userId = w.LegalUserId }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/audit"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/audit"), AuditReaders),
        ["GET /api/tenders/{id:guid}/diagram"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/diagram"), TenderReaders),
        // Which document one may read is decided per kind by the owning feature (tested there); an unknown id is nobody's.
        ["GET /api/documents/{id:guid}"] = new((c, _) => c.GetAsync($"/api/documents/{Guid.NewGuid()}"), Nobody),
        ["GET /api/audit/verify"] = new((c, _) => c.GetAsync("/api/audit/verify"), LegalAndAdmin),
        ["GET /api/audit/events"] = new((c, _) => c.GetAsync("/api/audit/events?limit=5"), LegalAndAdmin),

        ["POST /api/auth/register"] = new((c, _) => c.PostAsync("/api/auth/register", Json("""{"email":"x@example.test","password":"Whatever-2027x"}""")), Nobody),
        ["POST /api/auth/login"] = new((c, _) => c.PostAsync("/api/auth/login", Json("{}")), Everyone),
        ["POST /api/auth/refresh"] = new((c, _) => c.PostAsync("/api/auth/refresh", Json("{}")), Everyone),
        ["GET /api/auth/confirmEmail"] = new((c, _) => c.GetAsync("/api/auth/confirmEmail?userId=x&code=y"), Nobody),
        ["POST /api/auth/resendConfirmationEmail"] = new((c, _) => c.PostAsync("/api/auth/resendConfirmationEmail", Json("""{"email":"x@example.test"}""")), Nobody),
        ["POST /api/auth/forgotPassword"] = new((c, _) => c.PostAsync("/api/auth/forgotPassword", Json("""{"email":"x@example.test"}""")), Nobody),
        ["POST /api/auth/resetPassword"] = new((c, _) => c.PostAsync("/api/auth/resetPassword", Json("""{"email":"x@example.test","resetCode":"x","newPassword":"Whatever-2027x"}""")), Nobody),
        ["POST /api/auth/manage/2fa"] = new((c, _) => c.PostAsync("/api/auth/manage/2fa", Json("{}")), SignedIn),
        ["GET /api/auth/manage/info"] = new((c, _) => c.GetAsync("/api/auth/manage/info"), SignedIn),
        ["POST /api/auth/manage/info"] = new((c, _) => c.PostAsync("/api/auth/manage/info", Json("{}")), SignedIn),

        ["GET /"] = new((c, _) => c.GetAsync("/"), SignedIn),
        ["GET /Accounts/Login"] = new((c, _) => c.GetAsync("/Accounts/Login"), Everyone),
        ["POST /Accounts/Login"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/Login", Form()), Everyone),
        ["GET /Accounts/Logout"] = new((c, _) => c.GetAsync("/Accounts/Logout"), SignedIn),
        ["POST /Accounts/Logout"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/Logout", Form()), SignedIn),
        ["GET /Accounts/AccessDenied"] = new((c, _) => c.GetAsync("/Accounts/AccessDenied"), Everyone),
        ["GET /Accounts/ForgotPassword"] = new((c, _) => c.GetAsync("/Accounts/ForgotPassword"), Everyone),
        ["POST /Accounts/ForgotPassword"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/ForgotPassword", Form()), Everyone),
        ["GET /Accounts/ResetPassword"] = new((c, _) => c.GetAsync("/Accounts/ResetPassword"), Everyone),
        ["POST /Accounts/ResetPassword"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/ResetPassword", Form()), Everyone),
        // The portal's status page answers with the status it shows; 400 is not read as a refusal.
        ["GET /fout/{code:int}"] = new((c, _) => c.GetAsync("/fout/400"), Everyone),
        ["POST /fout/{code:int}"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/fout/400", Form()), Everyone),
        ["GET /language"] = new((c, _) => c.GetAsync("/language"), Everyone),
        ["POST /language"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/language", Form(("culture", "en"), ("returnUrl", "/"))), Everyone),
        ["GET /tenders/{id:guid}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}"), TenderReaders),
        ["POST /tenders/{id:guid}?handler=Fire"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}?handler=Fire", Form(("trigger", "cancel"))), ProcurementOnly),
        ["POST /tenders/{id:guid}?handler=Announce"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}?handler=Announce", Form()), ProcurementOnly, FreshTender: true),
        ["GET /tenders/{id:guid}/audit"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/audit"), AuditReaders),
        // Announced tenders are public (PublicTenderPageTests); an unknown reference is a 404 for everyone.
        ["GET /openbaar/{reference}"] = new((c, _) => c.GetAsync("/openbaar/UTR-ONBEKEND"), Nobody),
        ["GET /admin/users"] = new((c, _) => c.GetAsync("/admin/users"), AdminOnly),
        ["GET /admin/users/edit/{id?}"] = new((c, _) => c.GetAsync("/admin/users/edit"), AdminOnly),
        ["POST /admin/users/edit/{id?}"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/admin/users/edit", Form()), AdminOnly),
        ["GET /admin/organisations"] = new((c, _) => c.GetAsync("/admin/organisations"), AdminOnly),
        ["GET /admin/organisations/edit/{id:guid?}"] = new((c, _) => c.GetAsync("/admin/organisations/edit"), AdminOnly),
        ["POST /admin/organisations/edit/{id:guid?}"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/admin/organisations/edit", Form()), AdminOnly),

        // Market consultation (tests/Consultation cover the rules; here: who gets through at all).
        ["GET /api/tenders/{id:guid}/consultation/sessions"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/consultation/sessions"), TenderReaders),
        ["POST /api/tenders/{id:guid}/consultation/sessions"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/consultation/sessions", ConsultationMatrix.Session), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}"] = new(async (c, w) => await c.GetAsync(await ConsultationMatrix.Url(w)), TenderReaders),
        ["PUT /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}"] = new(async (c, w) => await c.PutAsJsonAsync(await ConsultationMatrix.Url(w), ConsultationMatrix.Session), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/cancel"] = new(async (c, w) => await c.PostAsync(await ConsultationMatrix.Url(w, "/cancel"), null), ProcurementOnly, FreshTender: true),
        // Procurement and Legal see every registration, the own organisation's bidder only its own (RegistrationTests); Admin none.
        ["GET /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/registrations"] = new(async (c, w) => await c.GetAsync(await ConsultationMatrix.Url(w, "/registrations")),
            [Caller.Procurement, Caller.Legal, Caller.BidderOwnOrganisation]),
        ["POST /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/registrations"] = new(async (c, w) => await c.PostAsJsonAsync(await ConsultationMatrix.Url(w, "/registrations"), ConsultationMatrix.Attendees),
            [Caller.BidderOwnOrganisation], FreshTender: true),
        ["DELETE /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/registrations/{registrationId:guid}"] = new(async (c, w) =>
            await c.DeleteAsync(await ConsultationMatrix.Url(w, $"/registrations/{await ConsultationMatrix.RegistrationAsync(w)}")), [Caller.BidderOwnOrganisation], FreshTender: true),
        ["PUT /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/attendance"] = new(async (c, w) => await c.PutAsJsonAsync(await ConsultationMatrix.Url(w, "/attendance"), new { marks = Array.Empty<object>() }), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/consultation/sessions/{sessionId:guid}/report"] = new(async (c, w) => await c.PostAsync(await ConsultationMatrix.Url(w, "/report"), TestFiles.Form(TestFiles.Pdf("Verslag"), "verslag.pdf")), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/consultation/participants.csv"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/consultation/participants.csv"), [Caller.Procurement, Caller.Legal]),
        // Calendar files exist only for sessions of announced tenders (CalendarTests); the matrix tender is not announced.
        ["GET /api/public/sessions/{sessionId:guid}.ics"] = new(async (c, w) => await c.GetAsync($"/api/public/sessions/{await ConsultationMatrix.SessionAsync(w)}.ics"), Nobody),
        ["GET /tenders/{id:guid}/consultation/new"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/consultation/new"), ProcurementOnly),
        ["POST /tenders/{id:guid}/consultation/new"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/consultation/new", Form()), ProcurementOnly),
        ["GET /tenders/{id:guid}/consultation/{sessionId:guid}"] = new(async (c, w) => await c.GetAsync(await ConsultationMatrix.Page(w)), TenderReaders),
        ["POST /tenders/{id:guid}/consultation/{sessionId:guid}?handler=Edit"] = new(async (c, w) => await MatrixWorld.PostFormAsync(c, await ConsultationMatrix.Page(w, "Edit"), Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/consultation/{sessionId:guid}?handler=CancelSession"] = new(async (c, w) => await MatrixWorld.PostFormAsync(c, await ConsultationMatrix.Page(w, "CancelSession"), Form()), ProcurementOnly, FreshTender: true),
        ["POST /tenders/{id:guid}/consultation/{sessionId:guid}?handler=Attendance"] = new(async (c, w) => await MatrixWorld.PostFormAsync(c, await ConsultationMatrix.Page(w, "Attendance"), Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/consultation/{sessionId:guid}?handler=Register"] = new(async (c, w) => await MatrixWorld.PostFormAsync(c, await ConsultationMatrix.Page(w, "Register"), Form()), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/consultation/{sessionId:guid}?handler=CancelRegistration"] = new(async (c, w) => await MatrixWorld.PostFormAsync(c, await ConsultationMatrix.Page(w, "CancelRegistration"), Form(("registrationId", await ConsultationMatrix.RegistrationAsync(w)))), [Caller.BidderOwnOrganisation], FreshTender: true),
        // Publication and Q&A (tender T is in consultation, so asking, answering and compiling are refused by phase with 409:
        // the caller got past authorisation). Drafts of the guideline are for the authority's staff only.
        ["GET /api/tenders/{id:guid}/publication/documents"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/publication/documents"), TenderReaders),
        ["POST /api/tenders/{id:guid}/publication/documents"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/publication/documents",
            Infrastructure.TestFiles.Form(Infrastructure.TestFiles.Pdf(), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide" })), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/guideline"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/guideline"), AuthorityStaff),
        ["PUT /api/tenders/{id:guid}/guideline"] = new((c, w) => c.PutAsync($"/api/tenders/{w.Tender}/guideline", Json("""{"requirements":[],"criteria":[]}""")), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/guideline/publish"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/guideline/publish", null), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/questions"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/questions"), [Caller.Procurement, Caller.Legal, Caller.BidderOwnOrganisation]),
        ["POST /api/tenders/{id:guid}/questions"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/questions", Json("""{"text":"Vraag"}""")), [Caller.BidderOwnOrganisation]),
        ["PUT /api/tenders/{id:guid}/questions/{questionId:guid}/answer"] = new((c, w) => c.PutAsync($"/api/tenders/{w.Tender}/questions/{Guid.NewGuid()}/answer", Json("""{"answer":"Antwoord"}""")), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/questions/{questionId:guid}/publish"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/questions/{Guid.NewGuid()}/publish", null), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/answers"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/answers"), TenderReaders),
        ["GET /api/tenders/{id:guid}/nvi"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/nvi"), TenderReaders),
        ["POST /api/tenders/{id:guid}/nvi"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/nvi", null), ProcurementOnly),
        ["GET /tenders/{id:guid}/publicatie"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/publicatie"), TenderReaders),
        ["GET /tenders/{id:guid}/selectieleidraad"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/selectieleidraad"), TenderReaders),
        ["POST /tenders/{id:guid}/selectieleidraad?handler=SaveRequirement"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/selectieleidraad?handler=SaveRequirement", Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/selectieleidraad?handler=RemoveRequirement"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/selectieleidraad?handler=RemoveRequirement", Form(("code", "X")) ), ProcurementOnly),
        ["POST /tenders/{id:guid}/selectieleidraad?handler=SaveCriterion"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/selectieleidraad?handler=SaveCriterion", Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/selectieleidraad?handler=RemoveCriterion"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/selectieleidraad?handler=RemoveCriterion", Form(("code", "X"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/selectieleidraad?handler=Publish"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/selectieleidraad?handler=Publish", Form()), ProcurementOnly),
        ["GET /tenders/{id:guid}/vragen"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/vragen"), TenderReaders),
        ["POST /tenders/{id:guid}/vragen?handler=Ask"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/vragen?handler=Ask", Form(("Text", "Vraag"))), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/vragen?handler=Answer"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/vragen?handler=Answer", Form(("questionId", Guid.NewGuid().ToString()), ("answer", "A"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/vragen?handler=Publish"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/vragen?handler=Publish", Form(("questionId", Guid.NewGuid().ToString()))), ProcurementOnly),
        ["POST /tenders/{id:guid}/vragen?handler=Compile"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/vragen?handler=Compile", Form()), ProcurementOnly),
        // Everyone has an inbox of their own; an id that is not yours is as unknown as one that does not exist (NotificationInboxTests).
        ["GET /api/notifications/"] = new((c, _) => c.GetAsync("/api/notifications"), SignedIn),
        ["POST /api/notifications/read"] = new((c, _) => c.PostAsync("/api/notifications/read", null), SignedIn),
        ["POST /api/notifications/{notificationId:guid}/read"] = new((c, _) => c.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null), Nobody),
        ["GET /meldingen"] = new((c, _) => c.GetAsync("/meldingen"), SignedIn),
        ["POST /meldingen?handler=Read"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/meldingen?handler=Read", Form(("notificationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /meldingen?handler=ReadAll"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/meldingen?handler=ReadAll", Form()), SignedIn),
        // Applications (selection). Rows naming an unknown application are nobody's; who may read/change a real one is tested in Applications/.
        ["GET /api/tenders/{id:guid}/applications/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/applications"), [Caller.Admin, Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        ["GET /api/tenders/{id:guid}/applications/mine"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/applications/mine"), [Caller.BidderOwnOrganisation]),
        ["POST /api/tenders/{id:guid}/applications/"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications", Json("{}")), [Caller.BidderOwnOrganisation]),
        ["GET /api/tenders/{id:guid}/applications/{applicationId:guid}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}"), Nobody),
        ["POST /api/tenders/{id:guid}/applications/{applicationId:guid}/members"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/members", Json("""{"kvkNumber":"87654321","role":"Subcontractor"}""")), Nobody),
        ["DELETE /api/tenders/{id:guid}/applications/{applicationId:guid}/members/{organisationId:guid}"] = new((c, w) => c.DeleteAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/members/{w.OtherOrganisation}"), Nobody),
        ["POST /api/tenders/{id:guid}/applications/{applicationId:guid}/references"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/references", Json("{}")), Nobody),
        ["DELETE /api/tenders/{id:guid}/applications/{applicationId:guid}/references/{referenceId:guid}"] = new((c, w) => c.DeleteAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/references/{Guid.NewGuid()}"), Nobody),
        ["PUT /api/tenders/{id:guid}/applications/{applicationId:guid}/answers"] = new((c, w) => c.PutAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/answers", Json("""{"answers":[]}""")), Nobody),
        ["POST /api/tenders/{id:guid}/applications/{applicationId:guid}/documents"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/documents",
            Infrastructure.TestFiles.Form(Infrastructure.TestFiles.Pdf(), "visie.pdf", new Dictionary<string, string> { ["kind"] = "vision" })), Nobody),
        ["POST /api/tenders/{id:guid}/applications/{applicationId:guid}/submit"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/submit", null), Nobody),
        ["POST /api/tenders/{id:guid}/applications/{applicationId:guid}/withdraw"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/applications/{Guid.NewGuid()}/withdraw", null), Nobody),
        // Sealing: the opening's state is for audit readers; only Procurement records and completes (refused here by the deadline rule, after authorisation).
        ["GET /api/tenders/{id:guid}/openings/{vault}/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/openings/selection"), AuditReaders),
        ["POST /api/tenders/{id:guid}/openings/{vault}/record"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/openings/selection/record", null), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/openings/{vault}/complete"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/openings/selection/complete", null), ProcurementOnly),
        ["GET /tenders/{id:guid}/application"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/application"), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/application?handler=Create"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Create", Form()), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/application?handler=Upload"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Upload", Form(("applicationId", Guid.NewGuid().ToString()))), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/application?handler=Member"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Member", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=RemoveMember"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=RemoveMember", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=Reference"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Reference", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=RemoveReference"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=RemoveReference", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=Answers"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Answers", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=Submit"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Submit", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/application?handler=Withdraw"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/application?handler=Withdraw", Form(("applicationId", Guid.NewGuid().ToString()))), Nobody),
        ["GET /tenders/{id:guid}/applications"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/applications"), [Caller.Admin, Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        ["GET /tenders/{id:guid}/openings/{vault}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/openings/selection"), AuditReaders),
        ["POST /tenders/{id:guid}/openings/{vault}?handler=Record"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/openings/selection?handler=Record", Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/openings/{vault}?handler=Complete"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/openings/selection?handler=Complete", Form()), ProcurementOnly),
        // Evaluation (issue 4). In this world the tender is in consultation: nothing opened, no applications, the evaluator has
        // not declared yet. Evaluator routes answer the assigned evaluator with a rule (409 declaration required), everyone
        // else is forbidden; an unknown application is 404 for Legal and Procurement (their access is tested in Evaluation/).
        ["GET /api/tenders/{id:guid}/evaluation/workspace"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/workspace"), TenderReaders),
        ["POST /api/tenders/{id:guid}/evaluation/declaration"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/declaration", new { hasConflict = false }), [Caller.Evaluator], FreshTender: true),
        ["POST /api/tenders/{id:guid}/evaluation/declarations/{userId}/resolution"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/declarations/{w.LegalUserId}/resolution", new { outcome = "Cleared", reason = "r" }), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/evaluation/chair"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/chair", new { userId = w.LegalUserId }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}"), [Caller.Evaluator]),
        ["POST /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/knockout"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/knockout", new { requirementId = Guid.NewGuid(), passed = true, motivation = "m" }), [Caller.Evaluator]),
        ["POST /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/knockout/settlement"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/knockout/settlement", new { requirementId = Guid.NewGuid(), passed = true, motivation = "m" }), [Caller.Evaluator]),
        ["POST /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/scores"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/scores", new { scores = Array.Empty<object>() }), [Caller.Evaluator]),
        ["GET /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/scores"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/scores"), [Caller.Evaluator]),
        ["GET /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/consensus"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/consensus"), [Caller.Evaluator]),
        ["POST /api/tenders/{id:guid}/evaluation/applications/{applicationId:guid}/consensus"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/applications/{Guid.NewGuid()}/consensus", new { scores = Array.Empty<object>() }), [Caller.Evaluator]),
        ["GET /api/tenders/{id:guid}/evaluation/ranking"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/ranking"), [Caller.Procurement, Caller.Legal]),
        ["POST /api/tenders/{id:guid}/evaluation/selection"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/selection", new { applicationId = Guid.NewGuid() }), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/evaluation/announce"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/evaluation/announce", new { }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/evaluation/letters"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/evaluation/letters"), TenderReaders),
        ["GET /tenders/{id:guid}/beoordeling"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/beoordeling"), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/beoordeling?handler=Declare"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling?handler=Declare", Form(("conflict", "no"))), [Caller.Evaluator], FreshTender: true),
        ["GET /tenders/{id:guid}/beoordeling/aanmelding/{applicationId:guid}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/beoordeling/aanmelding/{Guid.NewGuid()}"), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/beoordeling/aanmelding/{applicationId:guid}?handler=Knockout"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/aanmelding/{Guid.NewGuid()}?handler=Knockout", Form(("requirementId", Guid.NewGuid().ToString()), ("verdict", "pass"), ("motivation", "m"))), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/beoordeling/aanmelding/{applicationId:guid}?handler=Scores"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/aanmelding/{Guid.NewGuid()}?handler=Scores", Form()), [Caller.Evaluator]),
        ["GET /tenders/{id:guid}/beoordeling/consensus/{applicationId:guid}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/beoordeling/consensus/{Guid.NewGuid()}"), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/beoordeling/consensus/{applicationId:guid}?handler=Settle"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/consensus/{Guid.NewGuid()}?handler=Settle", Form(("requirementId", Guid.NewGuid().ToString()), ("verdict", "pass"), ("motivation", "m"))), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/beoordeling/consensus/{applicationId:guid}?handler=Consensus"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/consensus/{Guid.NewGuid()}?handler=Consensus", Form()), [Caller.Evaluator]),
        ["GET /tenders/{id:guid}/beoordeling/besluit"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/beoordeling/besluit"), [Caller.Procurement, Caller.Legal]),
        ["POST /tenders/{id:guid}/beoordeling/besluit?handler=Chair"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/besluit?handler=Chair", Form(("userId", w.LegalUserId))), ProcurementOnly),
        ["POST /tenders/{id:guid}/beoordeling/besluit?handler=Resolve"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/besluit?handler=Resolve", Form(("userId", w.LegalUserId), ("outcome", "Cleared"), ("reason", "r"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/beoordeling/besluit?handler=Select"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/besluit?handler=Select", Form(("applicationId", Guid.NewGuid().ToString()))), ProcurementOnly),
        ["POST /tenders/{id:guid}/beoordeling/besluit?handler=Announce"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/beoordeling/besluit?handler=Announce", Form()), ProcurementOnly),
        ["GET /tenders/{id:guid}/beoordeling/brief"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/beoordeling/brief"), TenderReaders),
        // Final specification (issue 5, phase 5). Tender T is in consultation: drafting and review are refused by phase (409) after
        // authorisation; no version exists, so version reads are 404 for everyone; T has no selected participant, so nobody acknowledges.
        // Participant, rejected candidate, evaluator-from-assessment and Legal/Procurement rules: tests/Specification. Admin reads
        // no specification: drafts carry the dialogue outcomes, and Admin is not in the dialogue.
        ["GET /api/tenders/{id:guid}/specification/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/specification"), [Caller.Procurement, Caller.Legal]),
        ["POST /api/tenders/{id:guid}/specification/draft"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/specification/draft", null), ProcurementOnly),
        ["PUT /api/tenders/{id:guid}/specification/"] = new((c, w) => c.PutAsync($"/api/tenders/{w.Tender}/specification", Json("""{"introduction":"x","sections":[],"basedOnVersion":1}""")), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/specification/versions/{number:int}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/specification/versions/1"), Nobody),
        ["GET /api/tenders/{id:guid}/specification/versions/{number:int}/diff"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/specification/versions/2/diff"), Nobody),
        ["POST /api/tenders/{id:guid}/specification/review"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/specification/review", Json("""{"version":1,"approve":true}""")), [Caller.Legal]),
        ["POST /api/tenders/{id:guid}/specification/acknowledgement"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/specification/acknowledgement", Json("""{"version":1}""")), Nobody),
        ["GET /tenders/{id:guid}/opdrachtomschrijving"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/opdrachtomschrijving"), [Caller.Procurement, Caller.Legal]),
        ["POST /tenders/{id:guid}/opdrachtomschrijving?handler=Draft"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/opdrachtomschrijving?handler=Draft", Form()), ProcurementOnly),
        ["POST /tenders/{id:guid}/opdrachtomschrijving?handler=Save"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/opdrachtomschrijving?handler=Save", Form(("Introduction", "x"), ("BasedOnVersion", "1"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/opdrachtomschrijving?handler=Review"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/opdrachtomschrijving?handler=Review", Form(("version", "1"), ("decision", "approve"))), [Caller.Legal]),
        ["POST /tenders/{id:guid}/opdrachtomschrijving?handler=Acknowledge"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/opdrachtomschrijving?handler=Acknowledge", Form(("version", "1"))), Nobody),
        // Dialogue (phase 4). Tender T is before the dialogue: no themes exist, nobody is selected, no partner is invited.
        // Procurement and Legal read the (empty) list; adding a theme passes authorisation for Procurement only (409 by phase).
        // Rows naming an unknown theme or meeting are nobody's; who may read/write real ones is tested in Dialogue/.
        ["GET /api/tenders/{id:guid}/dialogue/themes"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/dialogue/themes"), [Caller.Procurement, Caller.Legal]),
        ["POST /api/tenders/{id:guid}/dialogue/themes"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/themes", new { titleNl = "Extra thema" }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}"), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/status"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/status", new { status = "waived", reason = "x" }), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/partners"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/partners", new { userId = w.LegalUserId }), Nobody),
        ["DELETE /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/partners/{userId}"] = new((c, w) => c.DeleteAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/partners/{w.LegalUserId}"), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/declaration"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/declaration", new { accept = true }), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/messages"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/messages", new { text = "x" }), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/meetings"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/meetings", new { startsAt = TenderFlowFactory.Start.AddDays(5), location = "x", agenda = "x" }), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/meetings/{meetingId:guid}/minutes"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/dialogue/meetings/{Guid.NewGuid()}/minutes", TestFiles.Form(TestFiles.Pdf(), "verslag.pdf")), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/meetings/{meetingId:guid}/minutes/approval"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/dialogue/meetings/{Guid.NewGuid()}/minutes/approval", null), Nobody),
        ["POST /api/tenders/{id:guid}/dialogue/themes/{themeId:guid}/documents"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/dialogue/themes/{Guid.NewGuid()}/documents", TestFiles.Form(TestFiles.Pdf(), "notitie.pdf")), Nobody),
        ["GET /tenders/{id:guid}/dialoog"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/dialoog"), [Caller.Procurement, Caller.Legal]),
        ["POST /tenders/{id:guid}/dialoog?handler=AddTheme"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog?handler=AddTheme", Form(("TitleNl", "Extra thema"))), ProcurementOnly),
        ["GET /tenders/{id:guid}/dialoog/verklaring"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/dialoog/verklaring"), Nobody),
        ["POST /tenders/{id:guid}/dialoog/verklaring"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/verklaring", Form(("accept", "true"))), Nobody),
        ["GET /tenders/{id:guid}/dialoog/{themeId:guid}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}"), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Message"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Message", Form(("text", "x"))), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Status"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Status", Form(("status", "waived"), ("reason", "x"))), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Meeting"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Meeting", Form(("startsAtLocal", "2027-06-01T10:00"), ("location", "x"), ("agenda", "x"))), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Approve"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Approve", Form(("meetingId", Guid.NewGuid().ToString()))), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Invite"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Invite", Form(("partnerId", "x"))), Nobody),
        ["POST /tenders/{id:guid}/dialoog/{themeId:guid}?handler=Revoke"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/dialoog/{Guid.NewGuid()}?handler=Revoke", Form(("partnerId", "x"))), Nobody),
        // Tender submission and quality assessment (phases 6–7). In this world nobody is the selected participant (the own
        // organisation only took part), so every write of the participant is refused; staff see the status only.
        ["GET /api/tenders/{id:guid}/submission/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/submission"), [Caller.Admin, Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        ["PUT /api/tenders/{id:guid}/submission/answers"] = new((c, w) => c.PutAsJsonAsync($"/api/tenders/{w.Tender}/submission/answers", new { budget = Array.Empty<object>() }), Nobody),
        ["POST /api/tenders/{id:guid}/submission/documents"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/submission/documents",
            TestFiles.Form(TestFiles.Pdf(), "inschrijving.pdf", new Dictionary<string, string> { ["kind"] = "tender" })), Nobody),
        ["POST /api/tenders/{id:guid}/submission/submit"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/submission/submit", null), Nobody),
        ["POST /api/tenders/{id:guid}/submission/withdraw"] = new((c, w) => c.PostAsync($"/api/tenders/{w.Tender}/submission/withdraw", null), Nobody),
        ["GET /api/tenders/{id:guid}/assessment/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/assessment"), [Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        // The assigned evaluator gets through to the rules (409: no declaration yet); everybody else is refused.
        ["POST /api/tenders/{id:guid}/assessment/judgements"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/assessment/judgements", new { criteria = Array.Empty<object>() }), [Caller.Evaluator]),
        ["POST /api/tenders/{id:guid}/assessment/consensus"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/assessment/consensus", new { criteria = Array.Empty<object>() }), [Caller.Evaluator]),
        ["GET /tenders/{id:guid}/inschrijving"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/inschrijving"), [Caller.Admin, Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        ["POST /tenders/{id:guid}/inschrijving?handler=Answers"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/inschrijving?handler=Answers", Form(("budgetExplanation", "b"))), Nobody),
        ["POST /tenders/{id:guid}/inschrijving?handler=Upload"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/inschrijving?handler=Upload", Form(("kind", "tender"))), Nobody),
        ["POST /tenders/{id:guid}/inschrijving?handler=Submit"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/inschrijving?handler=Submit", Form()), Nobody),
        ["POST /tenders/{id:guid}/inschrijving?handler=Withdraw"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/inschrijving?handler=Withdraw", Form()), Nobody),
        ["GET /tenders/{id:guid}/kwaliteitsbeoordeling"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/kwaliteitsbeoordeling"), [Caller.Procurement, Caller.Evaluator, Caller.Legal]),
        ["POST /tenders/{id:guid}/kwaliteitsbeoordeling?handler=Judge"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/kwaliteitsbeoordeling?handler=Judge", Form()), [Caller.Evaluator]),
        ["POST /tenders/{id:guid}/kwaliteitsbeoordeling?handler=Consensus"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/kwaliteitsbeoordeling?handler=Consensus", Form()), [Caller.Evaluator]),

        // Award, objections and contract (tests/Award cover the rules; in this world the tender is in consultation, so the
        // callers who get through meet a closed-phase rule, and the own organisation applied but was not selected).
        ["POST /api/tenders/{id:guid}/award/announce"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/award/announce", new { reasons = "r" }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/award"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/award"), TenderReaders),
        ["POST /api/tenders/{id:guid}/objections"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/objections", new { decision = "selection", grounds = "g" }), [Caller.BidderOwnOrganisation]),
        // Recording an objection received outside the portal (e-mail, letter, summons): Legal and Procurement; here they meet the closed window.
        ["POST /api/tenders/{id:guid}/objections/recorded"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/objections/recorded", new { decision = "selection", organisationId = Guid.NewGuid(), grounds = "g", receivedVia = "per e-mail" }), [Caller.Procurement, Caller.Legal]),
        ["GET /api/tenders/{id:guid}/objections"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/objections"), [Caller.Procurement, Caller.Legal, Caller.BidderOwnOrganisation]),
        ["POST /api/tenders/{id:guid}/objections/{objectionId:guid}/advice"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/objections/{Guid.NewGuid()}/advice", new { uphold = true, reasoning = "r" }), [Caller.Legal]),
        ["GET /api/tenders/{id:guid}/deadline-jobs"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/deadline-jobs"), AuditReaders),
        // An empty note is refused (400) before the incident is looked up: only Procurement gets that far.
        ["POST /api/tenders/{id:guid}/incidents/{incidentId:guid}/resolve"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/incidents/{Guid.NewGuid()}/resolve", new { note = "" }), ProcurementOnly),
        // Unknown incident ids are nobody's; who may resolve a real one is in Deadlines/IncidentTests.
        ["GET /tenders/{id:guid}/incidenten/{incidentId:guid}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/incidenten/{Guid.NewGuid()}"), Nobody),
        ["POST /tenders/{id:guid}/incidenten/{incidentId:guid}"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/incidenten/{Guid.NewGuid()}", Form(("Note", "x"))), Nobody),
        ["POST /api/tenders/{id:guid}/objections/{objectionId:guid}/resolution"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/objections/{Guid.NewGuid()}/resolution", new { upheld = true, reasoning = "r" }), ProcurementOnly),
        ["PUT /api/tenders/{id:guid}/contract"] = new((c, w) => c.PutAsJsonAsync($"/api/tenders/{w.Tender}/contract", new { startDate = "2028-01-01", baseTermYears = 3 }), ProcurementOnly),
        ["POST /api/tenders/{id:guid}/contract/extensions"] = new((c, w) => c.PostAsJsonAsync($"/api/tenders/{w.Tender}/contract/extensions", new { option = 1, exercised = true, reason = "r" }), ProcurementOnly),
        ["GET /api/tenders/{id:guid}/contract"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/contract"), AuthorityStaff),
        ["GET /tenders/{id:guid}/gunning"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/gunning"), [Caller.Procurement, Caller.Legal, Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/gunning?handler=Announce"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/gunning?handler=Announce", Form(("reasons", "r"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/gunning?handler=Object"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/gunning?handler=Object", Form(("decision", "selection"), ("grounds", "g"))), [Caller.BidderOwnOrganisation]),
        ["POST /tenders/{id:guid}/gunning?handler=Record"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/gunning?handler=Record", Form(("decision", "selection"), ("organisationId", Guid.NewGuid().ToString()), ("grounds", "g"), ("receivedVia", "per e-mail"))), [Caller.Procurement, Caller.Legal]),
        ["POST /tenders/{id:guid}/gunning?handler=Advice"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/gunning?handler=Advice", Form(("objectionId", Guid.NewGuid().ToString()), ("uphold", "true"), ("reasoning", "r"))), [Caller.Legal]),
        ["POST /tenders/{id:guid}/gunning?handler=Resolve"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/gunning?handler=Resolve", Form(("objectionId", Guid.NewGuid().ToString()), ("upheld", "true"), ("reasoning", "r"))), ProcurementOnly),
        ["GET /tenders/{id:guid}/contract"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/contract"), AuthorityStaff),
        ["POST /tenders/{id:guid}/contract?handler=Record"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/contract?handler=Record", Form(("startDate", "2028-01-01"), ("baseTermYears", "3"))), ProcurementOnly),
        ["POST /tenders/{id:guid}/contract?handler=Extension"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/contract?handler=Extension", Form(("option", "1"), ("exercised", "true"), ("reason", "r"))), ProcurementOnly),

        // Deadline changes (issue 6). Tender T has no dates: Procurement gets through to the rules (no reason: 400); who may
        // change what, and when, is tested in Deadlines/Changes.
        ["PUT /api/tenders/{id:guid}/deadlines/{key}"] = new((c, w) => c.PutAsJsonAsync($"/api/tenders/{w.Tender}/deadlines/questionsClose", new { dueAt = "2027-06-01T12:00" }), ProcurementOnly),
        ["GET /tenders/{id:guid}/termijnen"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/termijnen"), TenderReaders),
        ["POST /tenders/{id:guid}/termijnen?handler=Change"] = new((c, w) => MatrixWorld.PostFormAsync(c, $"/tenders/{w.Tender}/termijnen?handler=Change", Form(("key", "questionsClose"), ("date", "2027-06-01"), ("time", "12:00"))), ProcurementOnly),

        // OCDS (issue 7). Tender T is not announced: only the authority's staff read its export (anyone may once it is
        // announced, see Ocds/OcdsAccessTests).
        ["GET /api/tenders/{id:guid}/ocds/"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/ocds"), AuthorityStaff),
        ["GET /api/tenders/{id:guid}/ocds/record"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/ocds/record"), AuthorityStaff),
        // Audit export
        ["GET /api/tenders/{id:guid}/audit/export"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/audit/export"), AuditReaders),
        ["GET /api/audit/export-key"] = new((c, _) => c.GetAsync("/api/audit/export-key"), AuditReaders),
        // Decisions and records (issue 7): for audit readers. Tender T has taken no decisions yet, so a decision key is
        // unknown (404) for everyone; who may read a real decision and its record is tested in Decisions/.
        ["GET /api/tenders/{id:guid}/decisions"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/decisions"), AuditReaders),
        ["GET /api/tenders/{id:guid}/decisions/{key}"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/decisions/award-1"), Nobody),
        ["GET /api/tenders/{id:guid}/records/decisions/{key}.pdf"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/records/decisions/award-1.pdf"), Nobody),
        ["GET /api/tenders/{id:guid}/records/procedure-report.pdf"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/records/procedure-report.pdf"), AuditReaders),
        ["GET /tenders/{id:guid}/besluiten"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/besluiten"), AuditReaders),
        ["GET /tenders/{id:guid}/besluiten/{key}"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/besluiten/award-1"), Nobody),
        // Legal workspace (issue 7): read-only, for audit readers. A malformed subject is refused with 400 only after the access check.
        ["GET /api/tenders/{id:guid}/legal/timeline"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/legal/timeline"), AuditReaders),
        ["GET /api/tenders/{id:guid}/legal/reads"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/legal/reads"), AuditReaders),
        ["GET /api/tenders/{id:guid}/legal/planning.svg"] = new((c, w) => c.GetAsync($"/api/tenders/{w.Tender}/legal/planning.svg"), AuditReaders),
        ["GET /tenders/{id:guid}/juridisch"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/juridisch"), AuditReaders),
        ["GET /tenders/{id:guid}/juridisch/inzage"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/juridisch/inzage"), AuditReaders),
        ["GET /tenders/{id:guid}/juridisch/inzage/detail"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/juridisch/inzage/detail?subject=x"), AuditReaders),
        ["GET /tenders/{id:guid}/juridisch/planning"] = new((c, w) => c.GetAsync($"/tenders/{w.Tender}/juridisch/planning"), AuditReaders),
    };
}
