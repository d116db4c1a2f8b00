using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Workflows;

public sealed record WorkflowSummary(string Id, int Version, string TitleNl, string TitleEn, string Hash);

/// <summary><see cref="Source"/>: "file" for a definition in the workflows folder, "snapshot" for a version only tenders still run on.</summary>
public sealed record WorkflowView(string Id, int Version, string TitleNl, string TitleEn, string Hash, string Source, string Mermaid, WorkflowDefinitionBody Definition);

public sealed record WorkflowDefinitionBody(string InitialPhase, IReadOnlyList<PhaseDefinition> Phases, IReadOnlyList<TriggerDefinition> Triggers,
    IReadOnlyList<DeadlineDefinition> Deadlines, IReadOnlyList<DialogueThemeDefinition> DialogueThemes);

public static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Procedure definitions").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/", (DefinitionCatalog catalog) =>
            catalog.Current.OrderBy(d => d.Id).ThenBy(d => d.Version)
                .Select(d => new WorkflowSummary(d.Id, d.Version, d.Title.Nl, d.Title.En, d.ContentHash)).ToList())
            .WithName("ListWorkflows");

        // A version whose file is gone (or now holds another version) stays readable if any tender ever ran on it: from
        // the snapshot stored when the first of them started.
        group.MapGet("/{id}", async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> (
                string id, int? version, DefinitionCatalog catalog, WorkflowEngine engine, TenderFlowDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var source = "file";
                var d = catalog.Find(id, version);
                if (d is null && version is not null
                    && await db.DefinitionSnapshots.AsNoTracking().Where(s => s.DefinitionId == id && s.Version == version)
                        .OrderBy(s => s.StoredAtUtc).Select(s => s.Hash).FirstOrDefaultAsync(ct) is { } hash)
                {
                    (d, source) = (await catalog.ForHashAsync(db, hash, ct), "snapshot");
                }
                if (d is null)
                {
                    return TenderRules.UnknownDefinition(id, version, RuleKind.NotFound).ToProblem(http);
                }
                return TypedResults.Ok(new WorkflowView(d.Id, d.Version, d.Title.Nl, d.Title.En, d.ContentHash, source, engine.ToMermaid(d),
                    new WorkflowDefinitionBody(d.InitialPhase, d.Phases, d.Triggers, d.Deadlines, d.DialogueThemes)));
            })
            .WithName("GetWorkflow");
    }
}
