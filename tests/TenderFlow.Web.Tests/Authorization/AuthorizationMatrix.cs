using System.Net.Http.Json;
using System.Text;
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
        ["GET /api/auth/confirmEmail"] = new((c, _) => c.GetAsync("/api/auth/confirmEmail"), Everyone),
        ["POST /api/auth/resendConfirmationEmail"] = new((c, _) => c.PostAsync("/api/auth/resendConfirmationEmail", Json("{}")), Everyone),
        ["POST /api/auth/forgotPassword"] = new((c, _) => c.PostAsync("/api/auth/forgotPassword", Json("{}")), Everyone),
        ["POST /api/auth/resetPassword"] = new((c, _) => c.PostAsync("/api/auth/resetPassword", Json("{}")), Everyone),
        ["POST /api/auth/manage/2fa"] = new((c, _) => c.PostAsync("/api/auth/manage/2fa", Json("{}")), SignedIn),
        ["GET /api/auth/manage/info"] = new((c, _) => c.GetAsync("/api/auth/manage/info"), SignedIn),
        ["POST /api/auth/manage/info"] = new((c, _) => c.PostAsync("/api/auth/manage/info", Json("{}")), SignedIn),

        ["GET /"] = new((c, _) => c.GetAsync("/"), SignedIn),
        ["GET /Accounts/Login"] = new((c, _) => c.GetAsync("/Accounts/Login"), Everyone),
        ["POST /Accounts/Login"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/Login", Form()), Everyone),
        ["GET /Accounts/Logout"] = new((c, _) => c.GetAsync("/Accounts/Logout"), SignedIn),
        ["POST /Accounts/Logout"] = new((c, _) => MatrixWorld.PostFormAsync(c, "/Accounts/Logout", Form()), SignedIn),
        ["GET /Accounts/AccessDenied"] = new((c, _) => c.GetAsync("/Accounts/AccessDenied"), Everyone),
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
    };
}
