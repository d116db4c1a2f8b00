using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>
/// A schema problem must name only what is wrong. Parts of the file that are fine — a "from" phase matching the
/// name branch of the anyOf, a deadline kind that simply does not trigger an if/then — must not be reported.
/// </summary>
public class SchemaProblemPrecisionTests
{
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Theory]
    [InlineData("unknown extra property", "$.colour")]
    [InlineData("version as string", "$.version")]
    [InlineData("missing required id", "$")]
    public void A_single_schema_error_is_reported_alone(string kind, string expectedPath)
    {
        var (_, problems) = _loader.LoadText("broken.json", BrokenDefinitionCases.JsonFor(kind));

        Assert.True(problems.Count == 1, $"Expected only the problem at {expectedPath}; got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        Assert.Equal(expectedPath, problems[0].Path);
    }
}
