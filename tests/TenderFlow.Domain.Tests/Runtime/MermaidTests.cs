using System.Text.RegularExpressions;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

public class MermaidTests
{
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);

    /// <summary>Each phase is a state on some edge, each trigger the label of some edge: "a --> b : trigger [guards]".</summary>
    private static void AssertDrawsEverything(WorkflowDefinition definition, string mermaid)
    {
        var edges = mermaid.Split('\n')
            .Select(l => Regex.Match(l, @"^\s*(\S+) --> (\S+)(?: : (\S+))?"))
            .Where(m => m.Success)
            .Select(m => (From: m.Groups[1].Value, To: m.Groups[2].Value, Label: m.Groups[3].Value))
            .ToList();
        var states = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        Assert.All(definition.Phases, p => Assert.Contains(p.Id, states));
        Assert.All(definition.Triggers, t => Assert.Contains(edges, e => e.Label == t.Id && e.To == t.To));
        Assert.Contains(edges, e => e.From == "[*]" && e.To == definition.InitialPhase);
    }

    [Fact]
    public void The_diagram_names_every_phase_and_every_trigger()
    {
        var definition = RealDefinitions.SasDialogue;

        var mermaid = _engine.ToMermaid(definition);

        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart(), StringComparison.Ordinal);
        AssertDrawsEverything(definition, mermaid);
        Assert.DoesNotContain("classDef current", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_is_drawn_from_every_open_phase()
    {
        var definition = RealDefinitions.SasDialogue;

        var lines = _engine.ToMermaid(definition).Split('\n').Select(l => l.TrimEnd('\r'));

        var cancelSources = lines
            .Select(l => Regex.Match(l, @"^\s*(\S+) --> cancelled : cancel$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value);
        Assert.Equal(definition.Phases.Where(p => !p.IsEnd).Select(p => p.Id).Order(), cancelSources.Order());
    }

    [Fact]
    public void The_current_phase_is_highlighted()
    {
        var mermaid = _engine.ToMermaid(RealDefinitions.SasDialogue, "dialogue");

        var lines = mermaid.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(lines, l => l.StartsWith("classDef current ", StringComparison.Ordinal));
        Assert.Equal("class dialogue current", lines.Single(l => l.StartsWith("class ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Open_house_draws_the_same_way()
    {
        var definition = RealDefinitions.OpenHouse;

        var mermaid = _engine.ToMermaid(definition, "review");

        AssertDrawsEverything(definition, mermaid);
        Assert.Contains("class review current", mermaid, StringComparison.Ordinal);
    }
}
