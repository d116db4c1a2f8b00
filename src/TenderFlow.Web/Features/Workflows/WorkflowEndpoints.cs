using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Workflows;

public sealed record WorkflowSummary(string Id, int Version, string TitleNl, string TitleEn, string Hash);

public sealed record WorkflowView(string Id, int Version, string TitleNl, string TitleEn, string Hash, string Mermaid, WorkflowDefinitionBody Definition);

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

        group.MapGet("/{id}", Results<Ok<WorkflowView>, ProblemHttpResult> (string id, int? version, DefinitionCatalog catalog, WorkflowEngine engine, HttpContext http) =>
            {
                var d = catalog.Find(id, version);
                if (d is null)
                {
                    return TenderRules.UnknownDefinition(id, version, RuleKind.NotFound).ToProblem(http);
                }
                return TypedResults.Ok(new WorkflowView(d.Id, d.Version, d.Title.Nl, d.Title.En, d.ContentHash, engine.ToMermaid(d),
                    new WorkflowDefinitionBody(d.InitialPhase, d.Phases, d.Triggers, d.Deadlines, d.DialogueThemes)));
            })
            .WithName("GetWorkflow");
    }
}
