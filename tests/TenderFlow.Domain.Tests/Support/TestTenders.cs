using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Tests.Support;

public static class TestTenders
{
    public static Tender Create(WorkflowDefinition definition, DateTime nowUtc, IReadOnlyDictionary<string, DateTimeOffset>? planned = null)
    {
        var (tender, violation) = TenderFactory.Create(definition, "TF-2027-001", "Specialistische begeleiding", planned, nowUtc);
        Assert.Null(violation);
        return Assert.IsType<Tender>(tender);
    }

    /// <summary>A tender placed directly in <paramref name="phase"/>, as if it had got there by earlier steps.</summary>
    public static Tender InPhase(WorkflowDefinition definition, string phase, DateTime nowUtc)
    {
        var tender = Create(definition, nowUtc);
        tender.Phase = phase;
        return tender;
    }

    public static void AllDeadlinesDue(Tender tender, DateTime dueUtc)
    {
        foreach (var deadline in tender.Deadlines)
        {
            deadline.DueAtUtc = dueUtc;
        }
    }

    public static void SettleAllThemes(Tender tender)
    {
        foreach (var theme in tender.Themes)
        {
            theme.Status = DialogueThemeStatus.Closed;
        }
    }
}
