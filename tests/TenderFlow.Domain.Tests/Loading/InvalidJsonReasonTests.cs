using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

public class InvalidJsonReasonTests
{
    private const string Broken = "{\n  \"id\": \"mini\",\n  \"version\": tru\n}";
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public void Invalid_json_is_reported_with_a_one_based_line_and_byte()
    {
        var (definition, problems) = _loader.LoadText("broken.json", Broken);

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal(("broken.json", "$"), (problem.File, problem.Path));
        Assert.StartsWith("not valid JSON (line 3, byte ", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_states_its_position_once_not_again_zero_based()
    {
        var (_, problems) = _loader.LoadText("broken.json", Broken);

        Assert.DoesNotContain("LineNumber:", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }
}
