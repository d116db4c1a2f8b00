using TenderFlow.Domain.Audit;
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
    }
}

public sealed record AuditVerificationView(string Status, long EventCount, string HeadHash, long? BrokenAtSequence, string? Problem);
