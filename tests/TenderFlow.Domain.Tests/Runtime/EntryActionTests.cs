using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>dialogue.openThemes and tender.recordOutcome as run by the engine when sas-dialogue phases are entered.</summary>
public class EntryActionTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);

    private async Task<StepOutcome> Fire(Tender tender, string trigger, FakeTenderFacts facts, string? reason = null)
    {
        var result = await _engine.FireAsync(tender, RealDefinitions.SasDialogue, trigger, TestActors.Procurement, reason, Now, facts, default);
        Assert.True(result.Violation is null, result.Violation?.Message.En);
        return result.Outcome!;
    }

    private static Tender InSelectionStandstill()
    {
        var tender = TestTenders.InPhase(RealDefinitions.SasDialogue, "selectionStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));
        return tender;
    }

    [Fact]
    public async Task Entering_the_dialogue_opens_the_eleven_themes()
    {
        var tender = InSelectionStandstill();

        var outcome = await Fire(tender, "startDialogue", FakeTenderFacts.AllMet());

        Assert.Equal("dialogue", tender.Phase);
        Assert.Equal(RealDefinitions.SasDialogue.DialogueThemes.Select(t => t.Key), tender.Themes.Select(t => t.Key));
        Assert.Equal(11, tender.Themes.Count);
        Assert.All(tender.Themes, t =>
        {
            Assert.Equal(DialogueThemeStatus.Open, t.Status);
            Assert.Equal(tender.Id, t.TenderId);
            Assert.NotEqual(Guid.Empty, t.Id);
        });
        Assert.Equal("Monitoring", tender.Themes.Single(t => t.Key == "monitoring").TitleNl);
        Assert.Contains(outcome.Records, r => r.Action == "dialogue.themes.opened");
        Assert.Null(tender.Outcome);
    }

    [Fact]
    public async Task Re_entering_the_dialogue_does_not_duplicate_themes_and_keeps_added_ones()
    {
        var tender = InSelectionStandstill();
        await Fire(tender, "startDialogue", FakeTenderFacts.AllMet());
        var firstIds = tender.Themes.Select(t => t.Id).ToList();
        tender.Themes.Add(new DialogueTheme { Id = Guid.NewGuid(), TenderId = tender.Id, Key = "housing-first", TitleNl = "Housing First", TitleEn = "Housing First" });
        TestTenders.SettleAllThemes(tender);
        await Fire(tender, "concludeDialogue", FakeTenderFacts.AllMet());
        tender.Deadline("submissionClose")!.DueAtUtc = Now.AddDays(1);
        await Fire(tender, "openSubmission", FakeTenderFacts.AllMet());
        tender.Deadline("submissionClose")!.DueAtUtc = Now.AddMinutes(-1);
        await Fire(tender, "closeSubmission", FakeTenderFacts.AllMet());
        Assert.Equal("assessment", tender.Phase);

        var back = await Fire(tender, "returnToDialogue", FakeTenderFacts.AllMet(QualityVerdict.Insufficient), "Kwaliteit onvoldoende op thema monitoring.");

        Assert.Equal("dialogue", tender.Phase);
        Assert.Equal(12, tender.Themes.Count);
        Assert.Equal(firstIds, tender.Themes.Take(11).Select(t => t.Id));
        Assert.Equal(tender.Themes.Count, tender.Themes.Select(t => t.Key).Distinct().Count());
        Assert.DoesNotContain(back.Records, r => r.Action == "dialogue.themes.opened");

        TestTenders.SettleAllThemes(tender);
        await Fire(tender, "concludeDialogue", FakeTenderFacts.AllMet());
        await Fire(tender, "reopenDialogue", FakeTenderFacts.AllMet(), "Nieuw inzicht.");
        Assert.Equal(12, tender.Themes.Count);
    }

    [Theory]
    [InlineData("implementation", "startContract", "awarded", null)]
    [InlineData("assessment", "declareUnsuccessful", "unsuccessful", "Kwaliteit onvoldoende.")]
    [InlineData("consultation", "cancel", "cancelled", "Budget vervallen.")]
    [InlineData("awardStandstill", "cancel", "cancelled", "Budget vervallen.")]
    public async Task Entering_an_end_state_records_the_outcome(string from, string trigger, string end, string? reason)
    {
        var tender = TestTenders.InPhase(RealDefinitions.SasDialogue, from, Now.AddDays(-30));
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));
        Assert.Null(tender.Outcome);
        Assert.Null(tender.ClosedAtUtc);
        var verdict = trigger == "declareUnsuccessful" ? QualityVerdict.Insufficient : QualityVerdict.Sufficient;

        var outcome = await Fire(tender, trigger, FakeTenderFacts.AllMet(verdict), reason);

        Assert.Equal(end, tender.Phase);
        Assert.Equal(end, tender.Outcome);
        Assert.Equal(Now, tender.ClosedAtUtc);
        Assert.Contains(outcome.Records, r => r.Action == "tender.closed");
    }

    [Fact]
    public async Task Entering_an_open_phase_records_no_outcome()
    {
        var tender = TestTenders.InPhase(RealDefinitions.SasDialogue, "awardStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));

        var outcome = await Fire(tender, "finalAward", FakeTenderFacts.AllMet());

        Assert.Null(tender.Outcome);
        Assert.Null(tender.ClosedAtUtc);
        Assert.DoesNotContain(outcome.Records, r => r.Action == "tender.closed");
    }
}
