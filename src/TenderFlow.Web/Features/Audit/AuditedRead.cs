using System.Security.Claims;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Reads of evaluation content that is not a document (individual scores, the ranking, quality judgements and consensus)
/// recorded as <c>*.read</c> events, so they show among the confidential reads in the legal workspace. The role recorded
/// is the one the read was allowed by: Legal before Procurement before Evaluator.
/// </summary>
public sealed class AuditedRead(AuditWriter writer)
{
    public Task ScoresAsync(Guid tenderId, ClaimsPrincipal reader, Guid applicationId, int scores, CancellationToken ct) =>
        WriteAsync(tenderId, reader, new AuditRecord("evaluation.scores.read", $"application/{applicationId}", new { scores }), ct);

    public Task RankingAsync(Guid tenderId, ClaimsPrincipal reader, int candidates, CancellationToken ct) =>
        WriteAsync(tenderId, reader, new AuditRecord("evaluation.ranking.read", $"tender/{tenderId}", new { candidates }), ct);

    public Task QualityAssessmentAsync(Guid tenderId, ClaimsPrincipal reader, int judgements, int consensus, CancellationToken ct) =>
        WriteAsync(tenderId, reader, new AuditRecord("assessment.read", $"tender/{tenderId}", new { judgements, consensus }), ct);

    private Task WriteAsync(Guid tenderId, ClaimsPrincipal reader, AuditRecord record, CancellationToken ct)
    {
        var actor = reader.ToActor();
        var role = new[] { Roles.Legal, Roles.Procurement, Roles.Evaluator }.FirstOrDefault(reader.IsInRole) ?? actor.Roles.FirstOrDefault() ?? "";
        return writer.WriteAsync(actor.Id, role, tenderId, [record], ct);
    }
}
