using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

public class AvailabilityTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);

    [Fact]
    public async Task Lists_the_triggers_of_the_current_phase_with_role_and_unmet_guards()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "assessment", Now);
        var facts = FakeTenderFacts.AllMet(QualityVerdict.Insufficient);

        var availability = await _engine.AvailabilityAsync(tender, definition, TestActors.Procurement, Now, facts, default);

        Assert.Equal(["announceAward", "returnToDialogue", "declareUnsuccessful", "cancel"], availability.Select(a => a.Trigger.Id));
        Assert.All(availability, a => Assert.True(a.RoleAllowed));
        var announce = availability.Single(a => a.Trigger.Id == "announceAward");
        Assert.False(announce.Permitted);
        Assert.Equal("assessment.qualitySufficient", Assert.Single(announce.UnmetGuards).Guard);
        Assert.Equal("The tender's quality was judged insufficient.", announce.UnmetGuards[0].Explanation.En);
        Assert.All(availability.Where(a => a.Trigger.Id != "announceAward"), a =>
        {
            Assert.Empty(a.UnmetGuards);
            Assert.True(a.Permitted);
        });
    }

    [Fact]
    public async Task A_role_not_named_is_reported_without_hiding_the_guards()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "selectionStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(1));
        var facts = FakeTenderFacts.AllMet();

        var bidder = await _engine.AvailabilityAsync(tender, definition, TestActors.Bidder, Now, facts, default);
        var scheduler = await _engine.AvailabilityAsync(tender, definition, Actor.Scheduler, Now, facts, default);

        Assert.Equal(["reviseSelection", "startDialogue", "cancel"], bidder.Select(a => a.Trigger.Id));
        Assert.All(bidder, a =>
        {
            Assert.False(a.RoleAllowed);
            Assert.False(a.Permitted);
        });
        Assert.Equal("deadline.passed(selectionStandstillEnd)", Assert.Single(bidder.Single(a => a.Trigger.Id == "startDialogue").UnmetGuards).Guard);
        Assert.Equal(
            [("reviseSelection", false), ("startDialogue", true), ("cancel", false)],
            scheduler.Select(a => (a.Trigger.Id, a.RoleAllowed)));
    }

    [Fact]
    public async Task Asking_changes_nothing_on_the_tender()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "selectionStandstill", Now);
        TestTenders.AllDeadlinesDue(tender, Now.AddDays(-1));
        var facts = FakeTenderFacts.AllMet();

        var availability = await _engine.AvailabilityAsync(tender, definition, TestActors.Procurement, Now, facts, default);

        Assert.True(availability.Single(a => a.Trigger.Id == "startDialogue").Permitted);
        Assert.Equal("selectionStandstill", tender.Phase);
        Assert.Equal(0, tender.Revision);
        Assert.Empty(tender.Themes);
    }

    [Fact]
    public async Task An_end_state_offers_nothing()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "awarded", Now);

        var availability = await _engine.AvailabilityAsync(tender, definition, TestActors.Procurement, Now, FakeTenderFacts.AllMet(), default);

        Assert.Empty(availability);
    }
}
