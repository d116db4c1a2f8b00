using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Tenders;

public static class TenderEndpoints
{
    public static void MapTenderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders").WithTags("Tenders").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", async (TenderFlowDbContext db, HttpContext http, CancellationToken ct) =>
            await db.Tenders.AsNoTracking().VisibleTo(http.User, db).OrderBy(t => t.Reference)
                .Select(t => new TenderSummary(t.Id, t.Reference, t.Title, t.Phase, t.DefinitionId, t.DefinitionVersion, t.Outcome))
                .ToListAsync(ct))
            .WithName("ListTenders");

        group.MapPost("/", async Task<Results<Created<TenderView>, ProblemHttpResult>> (
                CreateTenderRequest request, TenderSteps steps, HttpContext http, CancellationToken ct) =>
            {
                var (planned, unreadable) = request.PlannedDeadlines();
                if (unreadable is not null)
                {
                    return unreadable.ToProblem(http);
                }
                var (tender, violation) = await steps.CreateAsync(request.DefinitionId, request.Version, request.Reference, request.Title, planned, http.User.ToActor(), ct);
                return tender is null ? violation!.ToProblem(http) : TypedResults.Created($"/api/tenders/{tender.Id}", await ViewAsync(steps, http, tender.Id, ct));
            })
            .RequireAuthorization(TenderPolicies.CreateTenders).WithName("CreateTender");

        group.MapGet("/{id:guid}", async Task<Results<Ok<TenderView>, ProblemHttpResult>> (Guid id, TenderSteps steps, HttpContext http, CancellationToken ct) =>
                await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id) ?? (Results<Ok<TenderView>, ProblemHttpResult>)TypedResults.Ok(await ViewAsync(steps, http, id, ct)))
            .WithName("GetTender");

        group.MapPost("/{id:guid}/triggers/{trigger}", async Task<Results<Ok<TenderView>, ProblemHttpResult>> (
                Guid id, string trigger, FireTriggerRequest? request, TenderSteps steps, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id) is { } refused)
                {
                    return refused;
                }
                var report = await steps.FireAsync(id, trigger, request?.Reason, request?.ExpectedRevision, http.User.ToActor(), ct);
                // The step's own tender is what a reload would return (it was just saved in full): no second query.
                return report is { Violation: null, Tender: { } tender, Definition: { } definition }
                    ? TypedResults.Ok(await ViewAsync(steps, http, tender, definition, ct))
                    : report.Violation!.ToProblem(http);
            })
            .WithName("FireTrigger");

        group.MapPost("/{id:guid}/announce", async Task<Results<Ok<TenderView>, ProblemHttpResult>> (Guid id, TenderSteps steps, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await steps.AnnounceAsync(id, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.Ok(await ViewAsync(steps, http, id, ct));
            })
            .WithName("AnnounceTender");

        group.MapPost("/{id:guid}/evaluators", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, AssignEvaluatorRequest request, TenderSteps steps, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await steps.AssignEvaluatorAsync(id, request.UserId, http.User.ToActor(), ct);
                return violation is not null ? violation.ToProblem(http) : TypedResults.NoContent();
            })
            .WithName("AssignEvaluator");

        group.MapGet("/{id:guid}/audit", async Task<Results<Ok<List<AuditEventView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, TenderSteps steps, HttpContext http, CancellationToken ct) =>
            {
                if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                var events = await Audit.AuditEndpoints.ReadableAsync(db.AuditEvents.AsNoTracking().Where(e => e.TenderId == id).OrderBy(e => e.Sequence), ct);
                return events is null ? Audit.AuditEndpoints.Unreadable().ToProblem(http) : TypedResults.Ok(await AuditEventView.ForReaderAsync(events, db, http.User, ct));
            })
            .WithName("GetTenderAudit");

        group.MapGet("/{id:guid}/diagram", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                Guid id, TenderSteps steps, WorkflowEngine engine, HttpContext http, CancellationToken ct) =>
            {
                var loaded = await steps.LoadAsync(id, ct);
                return await http.RefuseAsync(loaded?.Tender, id) is { } refused
                    ? refused
                    : TypedResults.Text(engine.ToMermaid(loaded!.Value.Definition, loaded.Value.Tender.Phase), "text/plain; charset=utf-8");
            })
            .WithName("GetTenderDiagram");
    }

    /// <summary>The tender as this caller may see it (triggers they may fire, themes they may see); features that step return this too.</summary>
    public static async Task<TenderView> ViewAsync(TenderSteps steps, HttpContext http, Guid id, CancellationToken ct)
    {
        var (tender, definition) = (await steps.LoadAsync(id, ct))!.Value;
        return await ViewAsync(steps, http, tender, definition, ct);
    }

    private static async Task<TenderView> ViewAsync(TenderSteps steps, HttpContext http, Tender tender, WorkflowDefinition definition, CancellationToken ct)
    {
        var triggers = await steps.AvailabilityAsync(tender, definition, http.User.ToActor(), ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Themes follow the dialogue's access rule, not ReadConfidential (which rejected candidates hold too).
        var dialogue = await Dialogue.DialogueAccess.ForAsync(http.RequestServices.GetRequiredService<TenderFlowDbContext>(), tender.Id, http.User, ct);
        var view = TenderView.From(tender, definition, triggers, now, dialogue.HasAccess ? dialogue.Sees : null);
        if (view.Themes is { Count: > 0 })
        {
            await Dialogue.DialogueQueries.ThemesReadAsync(http.RequestServices.GetRequiredService<Audit.AuditWriter>(), tender.Id, http.User, dialogue,
                tender.Themes.Where(dialogue.Sees).Select(t => t.Id), ct);
        }
        return view;
    }
}
