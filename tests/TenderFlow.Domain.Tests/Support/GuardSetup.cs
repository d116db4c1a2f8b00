using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Tests.Support;

/// <summary>Puts a tender and its facts in the state where a trigger's guards all hold, or none of them do.</summary>
public static class GuardSetup
{
    public static FakeTenderFacts MeetAll(Tender tender, WorkflowDefinition definition, TriggerDefinition trigger, DateTime nowUtc)
    {
        TestTenders.AllDeadlinesDue(tender, nowUtc.AddMinutes(-1));
        DueAt(tender, trigger, "deadline.ahead", nowUtc.AddDays(1));
        if (tender.Themes.Count == 0)
        {
            tender.Themes.AddRange(definition.DialogueThemes.Select(t => new DialogueTheme
            {
                Id = Guid.NewGuid(), TenderId = tender.Id, Key = t.Key, TitleNl = t.Title.Nl, TitleEn = t.Title.En,
            }));
        }
        TestTenders.SettleAllThemes(tender);
        var verdict = trigger.Guards.Any(g => g.Name == "assessment.qualityInsufficient") ? QualityVerdict.Insufficient : QualityVerdict.Sufficient;
        return FakeTenderFacts.AllMet(verdict);
    }

    /// <summary>Every deadline still in the future but those the trigger needs ahead, no themes, and facts that satisfy no fact guard.</summary>
    public static FakeTenderFacts MeetNone(Tender tender, TriggerDefinition trigger, DateTime nowUtc)
    {
        TestTenders.AllDeadlinesDue(tender, nowUtc.AddDays(1));
        DueAt(tender, trigger, "deadline.ahead", nowUtc.AddMinutes(-1));
        tender.Themes.Clear();
        return new FakeTenderFacts();
    }

    private static void DueAt(Tender tender, TriggerDefinition trigger, string guard, DateTime dueUtc)
    {
        foreach (var reference in trigger.Guards.Where(g => g.Name == guard))
        {
            tender.Deadline(reference.Argument!)!.DueAtUtc = dueUtc;
        }
    }
}
