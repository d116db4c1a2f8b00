using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Support;

/// <summary>The definitions in the repository's workflows/ folder, loaded once with the built-in behaviours.</summary>
public static class RealDefinitions
{
    private static readonly Lazy<DefinitionLoadResult> Loaded =
        new(() => new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadDirectory(RepositoryPaths.WorkflowsDirectory));

    public static DefinitionLoadResult Result => Loaded.Value;

    public static WorkflowDefinition SasDialogue => Get("sas-dialogue");

    public static WorkflowDefinition OpenHouse => Get("open-house");

    private static WorkflowDefinition Get(string id) =>
        Result.DefinitionsOrThrow().SingleOrDefault(d => d.Id == id)
        ?? throw new InvalidOperationException($"workflows/ holds no definition '{id}'.");
}
