using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>The decisions of a tender and their printable records: for those who read the audit trail (Admin, Procurement, Legal).</summary>
public static class DecisionEndpoints
{
    public static void MapDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}").WithTags("Decisions").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/decisions", async Task<Results<Ok<TenderDecisions>, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, DecisionDossiers dossiers, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                return TypedResults.Ok(await dossiers.BuildAsync(tender!, ct));
            })
            .WithName("ListDecisions");

        group.MapGet("/decisions/{key}", async Task<Results<Ok<Decision>, ProblemHttpResult>> (Guid id, string key, TenderFlowDbContext db, DecisionDossiers dossiers, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                return (await dossiers.BuildAsync(tender!, ct)).Find(key) is { } decision ? TypedResults.Ok(decision) : UnknownDecision(key).ToProblem(http);
            })
            .WithName("GetDecision");

        group.MapGet("/records/decisions/{key}.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, string key, TenderFlowDbContext db, DecisionPrints prints, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                return await prints.DecisionAsync(tender!, key, http.User, PortalCultures.Language, ct) is { } printed
                    ? TypedResults.File(printed.Bytes, "application/pdf", printed.FileName)
                    : UnknownDecision(key).ToProblem(http);
            })
            .WithName("PrintDecisionRecord");

        group.MapGet("/records/procedure-report.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, TenderFlowDbContext db, DecisionPrints prints, HttpContext http, CancellationToken ct) =>
            {
                var tender = await LoadAsync(db, id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                var printed = await prints.ProcedureReportAsync(tender!, http.User, PortalCultures.Language, ct);
                return TypedResults.File(printed.Bytes, "application/pdf", printed.FileName);
            })
            .WithName("PrintProcedureReport");
    }

    public static RuleViolation UnknownDecision(string key) => new("UnknownDecisionRule", RuleKind.NotFound,
        new($"Deze aanbesteding heeft geen besluit '{key}'.", $"This tender has no decision '{key}'."), "key");

    private static Task<Tender?> LoadAsync(TenderFlowDbContext db, Guid id, CancellationToken ct) =>
        db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
}
