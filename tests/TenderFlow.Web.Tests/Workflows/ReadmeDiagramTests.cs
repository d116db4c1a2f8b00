using System.Text.RegularExpressions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Workflows;

public sealed class ReadmeDiagramTests
{
    [Fact]
    public void The_readme_diagram_is_the_one_generated_from_sas_dialogue()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var match = Regex.Match(readme, "<!-- BEGIN generated diagram: sas-dialogue -->\n```mermaid\n(.*?)```\n<!-- END generated diagram: sas-dialogue -->", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no generated sas-dialogue diagram block");

        var definition = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadDirectory(RepositoryPaths.Workflows)
            .DefinitionsOrThrow().Single(d => d.Id == "sas-dialogue");
        var expected = new WorkflowEngine(BehaviourRegistry.BuiltIn).ToMermaid(definition).ReplaceLineEndings("\n").Trim();
        Assert.True(expected == match.Groups[1].Value.Trim(),
            "README.md's diagram is stale: regenerate it with `dotnet run --project src/TenderFlow.Web -- workflows mermaid sas-dialogue`.");
    }
}
