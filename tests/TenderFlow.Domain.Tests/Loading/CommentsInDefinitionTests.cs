using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>The loader reads definitions with comments skipped, so a commented file must load like an uncommented one.</summary>
public class CommentsInDefinitionTests
{
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public void A_comment_before_the_definition_is_skipped()
    {
        var (definition, problems) = _loader.LoadText("commented.json", "// the mini procedure\n" + MinimalDefinition.Json);

        Assert.Empty(problems);
        Assert.Equal("mini", definition?.Id);
    }

    [Fact]
    public void A_comment_inside_the_definition_is_skipped()
    {
        var json = MinimalDefinition.Json.Replace("\"version\": 1,", "\"version\": 1, // raise on every change", StringComparison.Ordinal);
        Assert.NotEqual(MinimalDefinition.Json, json);

        var (definition, problems) = _loader.LoadText("commented.json", json);

        Assert.Empty(problems);
        Assert.Equal("mini", definition?.Id);
        Assert.Equal(json, definition!.SourceJson);
    }
}
