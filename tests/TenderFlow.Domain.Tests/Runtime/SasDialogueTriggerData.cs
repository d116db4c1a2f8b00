using TenderFlow.Domain.Tests.Support;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>Theory data read from sas-dialogue itself, so a trigger added to the file is covered without a code change.</summary>
public static class SasDialogueTriggerData
{
    /// <summary>Every (trigger, phase it may be fired from) pair; "*" is expanded to every open phase.</summary>
    public static TheoryData<string, string> TriggerAndSourcePhase()
    {
        var definition = RealDefinitions.SasDialogue;
        var data = new TheoryData<string, string>();
        foreach (var trigger in definition.Triggers)
        {
            foreach (var phase in definition.SourcePhases(trigger))
            {
                data.Add(trigger.Id, phase);
            }
        }
        return data;
    }

    public static TheoryData<string, string> GuardedTriggerAndSourcePhase() => Filter(t => t.Guards.Count > 0);

    public static TheoryData<string, string> UnguardedTriggerAndSourcePhase() => Filter(t => t.Guards.Count == 0);

    public static TheoryData<string, string> ReasonRequiredTriggerAndSourcePhase() => Filter(t => t.ReasonRequired);

    public static TheoryData<string> TriggerIds() => new(RealDefinitions.SasDialogue.Triggers.Select(t => t.Id));

    private static TheoryData<string, string> Filter(Func<Workflow.Definitions.TriggerDefinition, bool> keep)
    {
        var definition = RealDefinitions.SasDialogue;
        var data = new TheoryData<string, string>();
        foreach (var trigger in definition.Triggers.Where(keep))
        {
            foreach (var phase in definition.SourcePhases(trigger))
            {
                data.Add(trigger.Id, phase);
            }
        }
        return data;
    }
}
