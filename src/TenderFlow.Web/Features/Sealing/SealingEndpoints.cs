using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Sealing;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Sealing;

public static class SealingEndpoints
{
    public static void MapSealingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/openings/{vault}").WithTags("Sealing").RequireAuthorization(TenderPolicies.SignedIn);

        // The state of the opening (who, when) is for those who read the audit trail: Procurement, Legal, Admin.
        group.MapGet("/", async Task<Results<Ok<OpeningStatus>, ProblemHttpResult>> (Guid id, string vault, TenderFlowDbContext db, VaultOpenings openings, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                return openings.Find(vault) is { } found ? TypedResults.Ok(await openings.StatusAsync(tender!, found, ct)) : OpeningRules.UnknownVault(vault).ToProblem(http);
            })
            .WithName("GetVaultOpening");

        group.MapPost("/record", async Task<Results<Ok<OpeningStatus>, ProblemHttpResult>> (Guid id, string vault, TenderFlowDbContext db, VaultOpenings openings, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                if (openings.Find(vault) is not { } found)
                {
                    return OpeningRules.UnknownVault(vault).ToProblem(http);
                }
                return await openings.RecordAsync(id, found, http.User.ToActor(), ct) is { } violation
                    ? violation.ToProblem(http)
                    : TypedResults.Ok(await openings.StatusAsync(tender!, found, ct));
            })
            .WithName("RecordVaultOpening");

        group.MapPost("/complete", async Task<Results<Ok<OpeningStatus>, ProblemHttpResult>> (Guid id, string vault, TenderFlowDbContext db, VaultOpenings openings, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                if (openings.Find(vault) is not { } found)
                {
                    return OpeningRules.UnknownVault(vault).ToProblem(http);
                }
                var (_, violation) = await openings.CompleteAsync(id, found, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.Ok(await openings.StatusAsync(tender!, found, ct));
            })
            .WithName("CompleteVaultOpening");
    }

    private static Task<Tender?> LoadAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
}
