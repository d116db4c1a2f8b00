using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

public class BrokenDefinitionTests
{
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public void The_unmutated_minimal_definition_is_valid()
    {
        var (definition, problems) = _loader.LoadText("mini.json", MinimalDefinition.Json);

        Assert.Empty(problems);
        Assert.NotNull(definition);
    }

    [Theory]
    [MemberData(nameof(BrokenDefinitionCases.Names), MemberType = typeof(BrokenDefinitionCases))]
    public void A_broken_definition_is_refused_at_the_right_path_with_the_reason(string kind)
    {
        var (definition, problems) = _loader.LoadText("broken.json", BrokenDefinitionCases.JsonFor(kind));

        Assert.Null(definition);
        var path = BrokenDefinitionCases.PathFor(kind);
        var fragment = BrokenDefinitionCases.FragmentFor(kind);
        Assert.True(
            problems.Any(p => p.Path == path && p.Reason.Contains(fragment, StringComparison.Ordinal)),
            $"Expected a problem at {path} mentioning \"{fragment}\"; got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        Assert.All(problems, p => Assert.Equal("broken.json", p.File));
    }

    [Fact]
    public void Every_kind_of_broken_definition_is_covered_by_at_least_twenty_cases() =>
        Assert.True(BrokenDefinitionCases.Names().Count >= 20);
}
