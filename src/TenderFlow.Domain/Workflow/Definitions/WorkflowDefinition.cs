namespace TenderFlow.Domain.Workflow.Definitions;

/// <summary>A procedure as declared in a file under workflows/. Immutable once loaded.</summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    string InitialPhase,
    IReadOnlyList<PhaseDefinition> Phases,
    IReadOnlyList<TriggerDefinition> Triggers,
    IReadOnlyList<DeadlineDefinition> Deadlines,
    IReadOnlyList<DialogueThemeDefinition> DialogueThemes)
{
    /// <summary>SHA-256 (lowercase hex) of the file's text as UTF-8, without a byte-order mark (as <c>sha256sum</c> gives for a file saved without one); a tender is pinned to it.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>The exact text the hash was computed over, kept with every tender started on it.</summary>
    public string SourceJson { get; init; } = "";

    /// <summary>What the evaluators judge a tender on, each sufficient or insufficient with a motivation.</summary>
    public IReadOnlyList<QualityCriterionDefinition> QualityCriteria { get; init; } = [];

    public PhaseDefinition Phase(string id) =>
        Phases.FirstOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"Phase '{id}' is not in {Id} v{Version}.");

    public TriggerDefinition? Trigger(string id) => Triggers.FirstOrDefault(t => t.Id == id);

    public DeadlineDefinition? Deadline(string id) => Deadlines.FirstOrDefault(d => d.Id == id);

    /// <summary>The phases a trigger may be fired from, with "*" expanded to every phase that is not an end state.</summary>
    public IEnumerable<string> SourcePhases(TriggerDefinition trigger) =>
        trigger.From.Contains(TriggerDefinition.AnyOpenPhase)
            ? Phases.Where(p => !p.IsEnd).Select(p => p.Id)
            : trigger.From;

    public IEnumerable<TriggerDefinition> TriggersFrom(string phase) =>
        Triggers.Where(t => SourcePhases(t).Contains(phase));
}

public sealed record PhaseDefinition(
    string Id,
    LocalizedText Title,
    bool IsEnd,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> OnEntry);

public sealed record TriggerDefinition(
    string Id,
    LocalizedText Title,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    IReadOnlyList<GuardReference> Guards,
    bool ReasonRequired)
{
    public const string AnyOpenPhase = "*";
}

/// <summary>A guard named in a definition, optionally with one argument: "deadline.passed(applicationsClose)".</summary>
public sealed record GuardReference(string Name, string? Argument)
{
    public static GuardReference Parse(string text)
    {
        var open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(')'))
        {
            return new GuardReference(text, null);
        }
        return new GuardReference(text[..open], text[(open + 1)..^1]);
    }

    public override string ToString() => Argument is null ? Name : $"{Name}({Argument})";
}

public sealed record DialogueThemeDefinition(string Key, LocalizedText Title);

/// <summary>A quality criterion of the tender assessment: judged sufficient or insufficient, with a motivation.</summary>
public sealed record QualityCriterionDefinition(string Key, LocalizedText Title, LocalizedText? Description);
