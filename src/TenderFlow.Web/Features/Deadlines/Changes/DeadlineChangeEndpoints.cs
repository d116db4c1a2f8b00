using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines.Changes;

public static class DeadlineChangeEndpoints
{
    public static void MapDeadlineChangeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders").WithTags("Deadlines").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapPut("/{id:guid}/deadlines/{key}", async Task<Results<Ok<DeadlineChangedView>, ProblemHttpResult>> (
                Guid id, string key, ChangeDeadlineRequest? request, TenderSteps steps, DeadlineChanges changes, TimeProvider clock,
                HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var report = await changes.ChangeAsync(id, new DeadlineChangeRequest(key, request?.DueAt, request?.Reason, request?.Outage ?? false),
                    request?.ExpectedRevision, http.User.ToActor(), ct);
                if (report is not { Violation: null, Tender: { } tender, Definition: { } definition })
                {
                    return report.Violation!.ToProblem(http);
                }
                var views = DeadlineView.AllOf(tender, definition, clock.GetUtcNow().UtcDateTime);
                return TypedResults.Ok(new DeadlineChangedView(views.Single(v => v.Key == key), views, tender.Revision));
            })
            .WithName("ChangeDeadline");
    }
}
