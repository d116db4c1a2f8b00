using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Publication;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Publication;

public static class PublicationEndpoints
{
    public static void MapPublicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}").WithTags("Publication").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/publication/documents", async Task<Results<Ok<IReadOnlyList<PublicationDocumentView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, PublicationDocuments documents, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                return TypedResults.Ok(await documents.ListAsync(tender!, http.User, ct));
            })
            .WithName("ListPublicationDocuments");

        group.MapPost("/publication/documents", async Task<Results<Created<PublicationUploadReceipt>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, PublicationDocuments documents, DocumentIntake intake, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
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
                    var (receipt, violation) = await documents.UploadAsync(id, form, http.User.ToActor(), ct);
                    return receipt is null ? violation!.ToProblem(http) : TypedResults.Created($"/api/documents/{receipt.Receipt.DocumentId}", receipt);
                }
            })
            .DisableAntiforgery().WithName("UploadPublicationDocument");

        group.MapGet("/guideline", async Task<Results<Ok<GuidelineView>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, SelectionGuideline guideline, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (!PublicationStage.IsAuthorityStaff(http.User) && !await guideline.IsVisibleToCandidatesAsync(tender!, ct))
                {
                    return GuidelineNotPublished().ToProblem(http);
                }
                return TypedResults.Ok(await guideline.ViewAsync(tender!, ct));
            })
            .WithName("GetSelectionGuideline");

        group.MapPut("/guideline", async Task<Results<Ok<GuidelineView>, ProblemHttpResult>> (
                Guid id, GuidelineInput input, TenderFlowDbContext db, SelectionGuideline guideline, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await guideline.SaveAsync(id, input, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.Ok(await guideline.ViewAsync(tender!, ct));
            })
            .WithName("SaveSelectionGuideline");

        group.MapPost("/guideline/publish", async Task<Results<Ok<GuidelineView>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, SelectionGuideline guideline, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await guideline.PublishAsync(id, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.Ok(await guideline.ViewAsync(tender!, ct));
            })
            .WithName("PublishSelectionGuideline");
    }

    private static Domain.Workflow.Runtime.RuleViolation GuidelineNotPublished() => new("GuidelineNotPublishedRule", Domain.Workflow.Runtime.RuleKind.NotFound,
        new("De selectieleidraad is nog niet gepubliceerd.", "The selection guideline has not been published yet."));
}
