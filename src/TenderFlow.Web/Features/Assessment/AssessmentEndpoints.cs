using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Assessment;

public static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/assessment").WithTags("Assessment").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", async Task<Results<Ok<QualityAssessmentView>, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, QualityAssessment assessment, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                return await assessment.ViewAsync(tender!, http.User, ct) is { } view ? TypedResults.Ok(view) : AssessmentRules.NoAccess().ToProblem(http);
            })
            .WithName("GetQualityAssessment");

        group.MapPost("/judgements", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, QualitySheetRequest request, TenderFlowDbContext db, QualityAssessment assessment, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                return await assessment.JudgeAsync(tender!, http.User, request, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("SubmitQualityJudgements");

        group.MapPost("/consensus", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, QualitySheetRequest request, TenderFlowDbContext db, QualityAssessment assessment, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                return await assessment.RecordConsensusAsync(tender!, http.User, request, ct) is { } violation ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("RecordQualityConsensus");
    }

    private static Task<Tender?> LoadAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
}
