using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Tenders;

public static class TenderEndpoints
{
    public static void MapTenderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders").WithTags("Tenders");

        group.MapGet("/", async (TenderFlowDbContext db, CancellationToken ct) =>
            await db.Tenders.AsNoTracking().OrderBy(t => t.Reference)
                .Select(t => new TenderSummary(t.Id, t.Reference, t.Title, t.Phase, t.DefinitionId, t.DefinitionVersion, t.Outcome))
                .ToListAsync(ct))
            .RequireAuthorization(TenderPolicies.ReadTenders).WithName("ListTenders");

        group.MapPost("/", async Task<Results<Created<TenderView>, ProblemHttpResult>> (
                CreateTenderRequest request, TenderSteps steps, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var (tender, violation) = await steps.CreateAsync(request.DefinitionId, request.Version, request.Reference, request.Title, request.Deadlines, actor, ct);
                if (tender is null)
                {
                    return violation!.ToProblem(http);
                }
                var (_, definition) = (await steps.LoadAsync(tender.Id, ct))!.Value;
                var triggers = await steps.AvailabilityAsync(tender, definition, actor, ct);
                return TypedResults.Created($"/api/tenders/{tender.Id}", TenderView.From(tender, definition, triggers, clock.GetUtcNow().UtcDateTime));
            })
            .RequireAuthorization(TenderPolicies.CreateTenders).WithName("CreateTender");

        group.MapGet("/{id:guid}", async Task<Results<Ok<TenderView>, ProblemHttpResult>> (
                Guid id, TenderSteps steps, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            {
                var loaded = await steps.LoadAsync(id, ct);
                if (loaded is not { } found)
                {
                    return TenderRules.NotFound(id).ToProblem(http);
                }
                var triggers = await steps.AvailabilityAsync(found.Tender, found.Definition, http.User.ToActor(), ct);
                return TypedResults.Ok(TenderView.From(found.Tender, found.Definition, triggers, clock.GetUtcNow().UtcDateTime));
            })
            .RequireAuthorization(TenderPolicies.ReadTenders).WithName("GetTender");

        group.MapPost("/{id:guid}/triggers/{trigger}", async Task<Results<Ok<TenderView>, ProblemHttpResult>> (
                Guid id, string trigger, FireTriggerRequest? request, TenderSteps steps, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var report = await steps.FireAsync(id, trigger, request?.Reason, request?.ExpectedRevision, actor, ct);
                if (report.Violation is not null)
                {
                    return report.Violation.ToProblem(http);
                }
                var (tender, definition) = (await steps.LoadAsync(id, ct))!.Value;
                var triggers = await steps.AvailabilityAsync(tender, definition, actor, ct);
                return TypedResults.Ok(TenderView.From(tender, definition, triggers, clock.GetUtcNow().UtcDateTime));
            })
            .RequireAuthorization(TenderPolicies.FireTriggers).WithName("FireTrigger");

        group.MapGet("/{id:guid}/audit", async Task<Results<Ok<List<AuditEventView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, HttpContext http, CancellationToken ct) =>
            {
                if (!await db.Tenders.AnyAsync(t => t.Id == id, ct))
                {
                    return TenderRules.NotFound(id).ToProblem(http);
                }
                var events = await db.AuditEvents.AsNoTracking().Where(e => e.TenderId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
                return TypedResults.Ok(events.Select(e => new AuditEventView(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId,
                    e.Action, e.Subject, JsonDocument.Parse(e.PayloadJson).RootElement.Clone(), e.PreviousHash, e.Hash)).ToList());
            })
            .RequireAuthorization(TenderPolicies.ReadAudit).WithName("GetTenderAudit");

        group.MapGet("/{id:guid}/diagram", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                Guid id, TenderSteps steps, WorkflowEngine engine, HttpContext http, CancellationToken ct) =>
            {
                var loaded = await steps.LoadAsync(id, ct);
                return loaded is { } found
                    ? TypedResults.Text(engine.ToMermaid(found.Definition, found.Tender.Phase), "text/plain; charset=utf-8")
                    : TenderRules.NotFound(id).ToProblem(http);
            })
            .RequireAuthorization(TenderPolicies.ReadTenders).WithName("GetTenderDiagram");
    }
}
