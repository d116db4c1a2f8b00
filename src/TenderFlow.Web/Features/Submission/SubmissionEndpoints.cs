using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Submission;

public static class SubmissionEndpoints
{
    public static void MapSubmissionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/submission").WithTags("Submission").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, SubmissionReader reader, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                return await reader.ViewAsync(tender!, http.User, ct) is { } view ? TypedResults.Ok(view) : SubmissionRules.StaffOnly().ToProblem(http);
            })
            .WithName("GetTenderSubmission");

        group.MapPut("/answers", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SubmissionAnswersRequest request, TenderFlowDbContext db, SubmissionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync(await LoadAsync(db, id, ct), id) is { } refused)
                {
                    return refused;
                }
                return await desk.SaveAnswersAsync(id, http.User, request, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("SaveSubmissionAnswers");

        // Multipart: file + kind (tender | budget | implementation | annex, with or without the "submission." prefix).
        group.MapPost("/documents", async Task<Results<Ok<DocumentReceipt>, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, SubmissionDesk desk, DocumentIntake intake, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync(await LoadAsync(db, id, ct), id) is { } refused)
                {
                    return refused;
                }
                // Who may upload is checked before the body is read: a stranger's upload never reaches the staging area.
                if (!await Participation.SelectedParticipant.IsParticipantAsync(db, id, http.User, ct))
                {
                    return SubmissionRules.NotTheParticipant().ToProblem(http);
                }
                var (form, invalid) = await MultipartUpload.ReadAsync(http, intake, ct);
                if (form is null)
                {
                    return invalid!.ToProblem(http);
                }
                using (form)
                {
                    var (receipt, violation) = await desk.UploadAsync(id, http.User, form, ct);
                    return receipt is null ? violation!.ToProblem(http) : TypedResults.Ok(receipt);
                }
            })
            .DisableAntiforgery() // checked by MultipartUpload (header) without buffering the body
            .WithName("UploadSubmissionDocument");

        group.MapPost("/submit", async Task<Results<Ok<SubmissionReceiptView>, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, SubmissionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync(await LoadAsync(db, id, ct), id) is { } refused)
                {
                    return refused;
                }
                var (receipt, violation) = await desk.SubmitAsync(id, http.User, ct);
                return receipt is null ? violation!.ToProblem(http) : TypedResults.Ok(receipt);
            })
            .WithName("SubmitTender");

        group.MapPost("/withdraw", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, SubmissionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync(await LoadAsync(db, id, ct), id) is { } refused)
                {
                    return refused;
                }
                return await desk.WithdrawAsync(id, http.User, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("WithdrawTender");
    }

    private static Task<Tender?> LoadAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
}
