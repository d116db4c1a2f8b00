using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>A duration whose number does not fit must be reported as a problem, like any other bad duration.</summary>
public class OversizedDurationTests
{
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public void An_offset_with_too_many_days_is_a_problem_not_a_crash()
    {
        var d = MinimalDefinition.Parse();
        d.Deadlines(1)["offset"] = "P99999999999D";

        var (definition, problems) = _loader.LoadText("huge.json", d.ToJsonString());

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Path == "$.deadlines[1].offset");
    }

    [Fact]
    public void A_reminder_with_too_many_weeks_is_a_problem_not_a_negative_day_count()
    {
        var d = MinimalDefinition.Parse();
        d.Deadlines(0)["reminders"] = MinimalDefinition.Strings("P999999999W");

        var (definition, problems) = _loader.LoadText("huge.json", d.ToJsonString());

        Assert.True(definition is null, $"Loaded with reminder {definition?.Deadline("kickoff")?.Reminders[0]}");
        Assert.Contains(problems, p => p.Path == "$.deadlines[0].reminders[0]");
    }
}
