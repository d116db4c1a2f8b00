using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>The loader collects every problem in a file instead of stopping at the first.</summary>
public class MultipleProblemsTests
{
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public void Every_semantic_problem_in_one_file_is_reported()
    {
        var d = MinimalDefinition.Parse();
        d.Phases(0)["capabilities"] = MinimalDefinition.Strings("tea.break");
        d.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");
        d.Triggers(1)["guards"] = MinimalDefinition.Strings("weather.sunny");
        d.Deadlines(1)["offset"] = "P1M";
        d.AddPhase("orphan");
        d.AddTrigger("leave", ["orphan"], "done");

        var (definition, problems) = _loader.LoadText("several.json", d.ToJsonString());

        Assert.Null(definition);
        string[] expected =
        [
            "$.phases[0].capabilities[0]",
            "$.triggers[0].roles[0]",
            "$.triggers[1].guards[0]",
            "$.deadlines[1].offset",
            "$.phases[3]",
        ];
        Assert.All(expected, path => Assert.Contains(problems, p => p.Path == path));
        Assert.Equal(expected.Length, problems.Count);
    }

    [Fact]
    public void Every_schema_problem_in_one_file_is_reported()
    {
        var d = MinimalDefinition.Parse();
        d.Remove("id");
        d["version"] = 0;
        d.Phases(0)["colour"] = "red";
        d["title"]!.AsObject().Remove("en");

        var (definition, problems) = _loader.LoadText("several.json", d.ToJsonString());

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Path == "$" && p.Reason.Contains("[\"id\"]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.version" && p.Reason.Contains("at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.phases[0].colour");
        Assert.Contains(problems, p => p.Path == "$.title" && p.Reason.Contains("[\"en\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_and_semantic_problems_in_one_file_are_reported_together()
    {
        var d = MinimalDefinition.Parse();
        d["title"]!.AsObject().Remove("en");
        d.Phases(0)["colour"] = "red";
        d.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");
        d.Triggers(1)["guards"] = MinimalDefinition.Strings("weather.sunny");
        d.AddPhase("orphan");

        var (definition, problems) = _loader.LoadText("several.json", d.ToJsonString());

        Assert.Null(definition);
        string[] expected = ["$.title", "$.phases[0].colour", "$.triggers[0].roles[0]", "$.triggers[1].guards[0]", "$.phases[3]"];
        Assert.All(expected, path => Assert.Contains(problems, p => p.Path == path));
        Assert.Contains(problems, p => p.Reason == "unknown role 'Wizard' (known: Admin, Bidder, Evaluator, Legal, Partner, Procurement, System)");
    }

    [Fact]
    public void A_file_whose_shape_is_broken_gets_its_schema_problems_without_guessing_at_the_rest()
    {
        var d = MinimalDefinition.Parse();
        d["version"] = "one";
        d.Triggers(0)["from"] = null;
        d.Triggers(1).Remove("to");
        d.Triggers(1)["roles"] = MinimalDefinition.Strings("Wizard");

        var (definition, problems) = _loader.LoadText("shapeless.json", d.ToJsonString());

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Path == "$.version");
        Assert.Contains(problems, p => p.Path == "$.triggers[0].from");
        Assert.DoesNotContain(problems, p => p.Reason.Contains("Wizard", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_name_the_semantic_checks_need_is_reported_once_by_the_schema_not_echoed_as_unknown()
    {
        var d = MinimalDefinition.Parse();
        d.Triggers(0).Remove("to");
        d.Phases(1).Remove("id");

        var (definition, problems) = _loader.LoadText("missing.json", d.ToJsonString());

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Path == "$.triggers[0]" && p.Reason.Contains("[\"to\"]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.phases[1]" && p.Reason.Contains("[\"id\"]", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Reason.Contains("''", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Theory]
    [InlineData(3, "at")]
    [InlineData(1, "offset")]
    [InlineData(1, "relativeTo")]
    public void A_deadline_missing_what_its_kind_needs_is_reported_by_the_schema_not_echoed_as_an_empty_value(int deadline, string field)
    {
        var d = MinimalDefinition.Parse();
        d.Deadlines(deadline).Remove(field);
        d.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");

        var (_, problems) = _loader.LoadText("deadline.json", d.ToJsonString());

        Assert.Contains(problems, p => p.Path.StartsWith($"$.deadlines[{deadline}]", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Reason.Contains("''", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_definitions_throw_with_all_problems_when_asked_to()
    {
        var d = MinimalDefinition.Parse();
        d.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");
        d.Triggers(0)["to"] = "nowhere";
        var (_, problems) = _loader.LoadText("several.json", d.ToJsonString());
        var result = new DefinitionLoadResult([], problems);

        var e = Assert.Throws<InvalidDefinitionException>(() => result.DefinitionsOrThrow());

        Assert.False(result.IsValid);
        Assert.Equal(problems, e.Problems);
        Assert.Contains("several.json: $.triggers[0].roles[0]: unknown role 'Wizard'", e.Message, StringComparison.Ordinal);
        Assert.Contains("several.json: $.triggers[0].to: unknown phase 'nowhere'", e.Message, StringComparison.Ordinal);
    }
}
