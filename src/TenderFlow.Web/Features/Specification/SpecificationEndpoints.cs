using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Specification;

public static class SpecificationEndpoints
{
    public static void MapSpecificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/specification").WithTags("Specification").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", async Task<Results<Ok<SpecificationView>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, SpecificationAccess access, SpecificationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, audience, refused) = await ReaderAsync(http, db, access, id);
                return refused ?? (Results<Ok<SpecificationView>, ProblemHttpResult>)TypedResults.Ok(
                    await queries.ViewAsync(tender!, audience, http.User.OrganisationId(), http.User.ToActor(), ct));
            })
            .WithName("GetSpecification");

        group.MapPost("/draft", async Task<Results<Created<VersionView>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, SpecificationDesk desk, SpecificationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var (version, violation) = await desk.DraftAsync(id, http.User.ToActor(), ct);
                return version is null ? violation!.ToProblem(http) : await CreatedAsync(queries, tender!, version, http, ct);
            })
            .WithName("DraftSpecification");

        group.MapPut("/", async Task<Results<Created<VersionView>, ProblemHttpResult>> (
                Guid id, SaveSpecificationRequest request, TenderFlowDbContext db, SpecificationDesk desk, SpecificationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var (version, violation) = await desk.SaveAsync(id, request, http.User.ToActor(), ct);
                return version is null ? violation!.ToProblem(http) : await CreatedAsync(queries, tender!, version, http, ct);
            })
            .WithName("SaveSpecification");

        group.MapGet("/versions/{number:int}", async Task<Results<Ok<VersionView>, ProblemHttpResult>> (
                Guid id, int number, TenderFlowDbContext db, SpecificationAccess access, SpecificationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (tender, audience, refused) = await ReaderAsync(http, db, access, id);
                if (refused is not null)
                {
                    return refused;
                }
                var (view, violation) = await queries.VersionAsync(tender!, number, audience, http.User.ToActor(), ct);
                return view is null ? violation!.ToProblem(http) : TypedResults.Ok(view);
            })
            .WithName("GetSpecificationVersion");

        group.MapGet("/versions/{number:int}/diff", async Task<Results<Ok<VersionDiffView>, ProblemHttpResult>> (
                Guid id, int number, TenderFlowDbContext db, SpecificationAccess access, SpecificationQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (_, audience, refused) = await ReaderAsync(http, db, access, id);
                if (refused is not null)
                {
                    return refused;
                }
                // Drafts between approved versions are the authority's; so is what changed between them.
                if (audience != SpecificationAudience.Staff)
                {
                    return SpecificationRules.NoAccess().ToProblem(http);
                }
                var (diff, violation) = await queries.DiffAsync(id, number, http.User.ToActor(), ct);
                return diff is null ? violation!.ToProblem(http) : TypedResults.Ok(VersionDiffView.Of(diff));
            })
            .WithName("GetSpecificationDiff");

        group.MapPost("/review", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ReviewRequest request, TenderFlowDbContext db, SpecificationDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (!http.User.IsInRole(Roles.Legal))
                {
                    return SpecificationRules.NoAccess().ToProblem(http);
                }
                var violation = await desk.ReviewAsync(id, request, http.User.ToActor(), ct);
                return violation is null ? TypedResults.NoContent() : violation.ToProblem(http);
            })
            .WithName("ReviewSpecification");

        group.MapPost("/acknowledgement", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, AcknowledgementRequest request, TenderFlowDbContext db, SpecificationAccess access, SpecificationDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var (_, audience, refused) = await ReaderAsync(http, db, access, id);
                if (refused is not null)
                {
                    return refused;
                }
                if (audience != SpecificationAudience.Participant || http.User.OrganisationId() is not { } organisation)
                {
                    return SpecificationRules.NoAccess().ToProblem(http);
                }
                var violation = await desk.AcknowledgeAsync(id, request.Version, organisation, http.User.ToActor(), ct);
                return violation is null ? TypedResults.NoContent() : violation.ToProblem(http);
            })
            .WithName("AcknowledgeSpecification");
    }

    private static Task<Tender?> LoadAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The tender must be readable at all (else 404), and the caller one of the specification's audiences (else 403).</summary>
    private static async Task<(Tender? Tender, SpecificationAudience Audience, ProblemHttpResult? Refused)> ReaderAsync(
        HttpContext http, TenderFlowDbContext db, SpecificationAccess access, Guid id)
    {
        var tender = await LoadAsync(db, id, http.RequestAborted);
        if (await http.RefuseAsync(tender, id) is { } refused)
        {
            return (null, SpecificationAudience.None, refused);
        }
        var audience = await access.AudienceAsync(tender!, http.User, http.RequestAborted);
        return audience == SpecificationAudience.None
            ? (null, audience, SpecificationRules.NoAccess().ToProblem(http))
            : (tender, audience, null);
    }

    private static async Task<Results<Created<VersionView>, ProblemHttpResult>> CreatedAsync(
        SpecificationQueries queries, Tender tender, SpecificationVersion version, HttpContext http, CancellationToken ct)
    {
        var (view, _) = await queries.VersionAsync(tender, version.Number, SpecificationAudience.Staff, http.User.ToActor(), ct);
        return TypedResults.Created($"/api/tenders/{tender.Id}/specification/versions/{version.Number}", view!);
    }
}
