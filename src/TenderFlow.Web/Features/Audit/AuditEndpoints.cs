using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", (DataDirectory data) =>
            {
                var result = AuditChainReader.Verify(data.ConnectionString);
                return TypedResults.Ok(new AuditVerificationView(result.Intact ? "OK" : "BROKEN", result.EventCount, result.HeadHash, result.BrokenAtSequence, result.Problem));
            })
            .WithTags("Audit").RequireAuthorization(TenderPolicies.VerifyAudit).WithName("VerifyAudit");

        // The whole trail, including what belongs to no tender (sign-ins, role changes, organisations), page by page.
        app.MapGet("/api/audit/events", async Task<Results<Ok<List<AuditEventView>>, ProblemHttpResult>> (
                long? afterSequence, int? limit, string? action, TenderFlowDbContext db, CancellationToken ct) =>
            {
                var take = limit ?? 200;
                if (take is < 1 or > 1000)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "InvalidRequestRule",
                        detail: "limit must be between 1 and 1000.", extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 1000."] } });
                }
                var after = afterSequence ?? 0;
                var query = db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after);
                if (!string.IsNullOrEmpty(action))
                {
                    query = query.Where(e => e.Action == action);
                }
                var events = await query.OrderBy(e => e.Sequence).Take(take).ToListAsync(ct);
                return TypedResults.Ok(events.Select(AuditEventView.From).ToList());
            })
            .WithTags("Audit").RequireAuthorization(TenderPolicies.VerifyAudit).WithName("ListAuditEvents");
    }
}

public sealed record AuditVerificationView(string Status, long EventCount, string HeadHash, long? BrokenAtSequence, string? Problem);
