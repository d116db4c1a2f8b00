using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

public class DeadlinePlannerTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static DateTime Utc(int year, int month, int day, int hour, int minute, TimeSpan localOffset) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, localOffset).UtcDateTime;

    private static WorkflowDefinition Sas => RealDefinitions.SasDialogue;

    [Theory]
    [InlineData(14, 0)]
    [InlineData(0, 10)]
    [InlineData(23, 30)]
    public void The_standstill_ends_at_midnight_after_the_twentieth_calendar_day(int hour, int minute)
    {
        var tender = TestTenders.InPhase(Sas, "selection", Utc(2027, 3, 1, 9, 0, Winter));
        var entered = Utc(2027, 3, 10, hour, minute, Winter);

        var changes = DeadlinePlanner.PhaseEntered(tender, Sas, "selectionStandstill", entered);

        var change = Assert.Single(changes);
        Assert.Equal(("selectionStandstillEnd", (DateTime?)null), (change.Key, change.FromUtc));
        // 10 March + 20 calendar days = 30 March, ending at 24:00, i.e. 31 March 00:00 — summer time by then.
        Assert.Equal(new DateTime(2027, 3, 30, 22, 0, 0, DateTimeKind.Utc), change.ToUtc);
        Assert.Equal(new DateTime(2027, 3, 31, 0, 0, 0), AmsterdamTime.ToLocal(change.ToUtc));
        Assert.Equal(change.ToUtc, tender.Deadline("selectionStandstillEnd")!.DueAtUtc);
    }

    [Fact]
    public async Task The_engine_starts_the_standstill_when_the_phase_is_entered()
    {
        var entered = Utc(2027, 3, 10, 14, 0, Winter);
        var tender = TestTenders.InPhase(Sas, "selection", entered.AddDays(-5));

        var result = await new WorkflowEngine(BehaviourRegistry.BuiltIn).FireAsync(
            tender, Sas, "announceSelection", TestActors.Procurement, null, entered, FakeTenderFacts.AllMet(), default);

        Assert.Null(result.Violation);
        Assert.Equal(new DateTime(2027, 3, 31, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("selectionStandstillEnd")!.DueAtUtc!.Value));
        Assert.Equal(entered, tender.PhaseEnteredAtUtc);
    }

    [Fact]
    public void A_winter_standstill_ends_at_midnight_winter_time()
    {
        var tender = TestTenders.InPhase(Sas, "assessment", Utc(2027, 1, 1, 9, 0, Winter));

        DeadlinePlanner.PhaseEntered(tender, Sas, "awardStandstill", Utc(2027, 1, 10, 9, 0, Winter));

        Assert.Equal(new DateTime(2027, 1, 30, 23, 0, 0, DateTimeKind.Utc), tender.Deadline("awardStandstillEnd")!.DueAtUtc);
    }

    [Fact]
    public void Across_the_spring_clock_change_one_calendar_day_is_23_hours()
    {
        var definition = DefinitionWithClose(offset: "P1D", rounding: null);
        var tender = TestTenders.InPhase(definition, "draft", Utc(2027, 3, 1, 9, 0, Winter));
        var entered = Utc(2027, 3, 27, 12, 0, Winter);

        DeadlinePlanner.PhaseEntered(tender, definition, "open", entered);

        var due = tender.Deadline("close")!.DueAtUtc!.Value;
        Assert.Equal(TimeSpan.FromHours(23), due - entered);
        Assert.Equal(new DateTime(2027, 3, 28, 12, 0, 0), AmsterdamTime.ToLocal(due));
        // "after" is relative to close (-P7D) and follows it.
        Assert.Equal(new DateTime(2027, 3, 21, 12, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("after")!.DueAtUtc!.Value));
    }

    [Fact]
    public void Re_entering_a_phase_restarts_its_deadlines_and_what_depends_on_them()
    {
        var definition = DefinitionWithClose(offset: "P20D", rounding: "endOfDay");
        var tender = TestTenders.InPhase(definition, "draft", Utc(2027, 5, 1, 9, 0, Summer));

        DeadlinePlanner.PhaseEntered(tender, definition, "open", Utc(2027, 5, 3, 10, 0, Summer));
        var first = tender.Deadline("close")!.DueAtUtc!.Value;
        var firstAfter = tender.Deadline("after")!.DueAtUtc!.Value;
        var changes = DeadlinePlanner.PhaseEntered(tender, definition, "open", Utc(2027, 5, 10, 10, 0, Summer));

        Assert.Equal(new DateTime(2027, 5, 24, 0, 0, 0), AmsterdamTime.ToLocal(first));
        Assert.Equal(new DateTime(2027, 5, 31, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("close")!.DueAtUtc!.Value));
        Assert.Equal(new DateTime(2027, 5, 24, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("after")!.DueAtUtc!.Value));
        Assert.Equal(
            [new DeadlineChange("close", first, first.AddDays(7)), new DeadlineChange("after", firstAfter, firstAfter.AddDays(7))],
            changes);
        Assert.Single(tender.Deadlines, d => d.Key == "close");
    }

    [Fact]
    public void Re_entering_at_the_same_moment_changes_nothing()
    {
        var definition = DefinitionWithClose(offset: "P20D", rounding: "endOfDay");
        var tender = TestTenders.InPhase(definition, "draft", Utc(2027, 5, 1, 9, 0, Summer));
        var entered = Utc(2027, 5, 3, 10, 0, Summer);

        Assert.Equal(2, DeadlinePlanner.PhaseEntered(tender, definition, "open", entered).Count);
        Assert.Empty(DeadlinePlanner.PhaseEntered(tender, definition, "open", entered));
    }

    [Fact]
    public void Entering_another_phase_leaves_deadlines_alone()
    {
        var tender = TestTenders.InPhase(Sas, "selection", Utc(2027, 3, 1, 9, 0, Winter));

        Assert.Empty(DeadlinePlanner.PhaseEntered(tender, Sas, "dialogue", Utc(2027, 3, 10, 9, 0, Winter)));
        Assert.Null(tender.Deadline("selectionStandstillEnd")!.DueAtUtc);
        Assert.Null(tender.Deadline("awardStandstillEnd")!.DueAtUtc);
    }

    [Fact]
    public void A_deadline_relative_to_a_planned_one_cascades_when_the_tender_is_created()
    {
        var planned = new Dictionary<string, DateTimeOffset> { ["questionsClose"] = new(2027, 6, 1, 12, 0, 0, Summer) };

        var tender = TestTenders.Create(Sas, Utc(2027, 5, 1, 9, 0, Summer), planned);

        Assert.Equal(new DateTime(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc), tender.Deadline("questionsClose")!.DueAtUtc);
        Assert.Equal(new DateTime(2027, 6, 8, 10, 0, 0, DateTimeKind.Utc), tender.Deadline("nviPublication")!.DueAtUtc);
    }

    [Fact]
    public void A_cascade_across_the_clock_change_keeps_the_local_time()
    {
        var planned = new Dictionary<string, DateTimeOffset> { ["questionsClose"] = new(2027, 3, 25, 12, 0, 0, Winter) };

        var tender = TestTenders.Create(Sas, Utc(2027, 3, 1, 9, 0, Winter), planned);

        var nvi = tender.Deadline("nviPublication")!.DueAtUtc!.Value;
        Assert.Equal(new DateTime(2027, 4, 1, 12, 0, 0), AmsterdamTime.ToLocal(nvi));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), nvi - tender.Deadline("questionsClose")!.DueAtUtc!.Value);
    }

    [Fact]
    public void Every_deadline_gets_a_row_and_only_fixed_and_planned_ones_a_moment()
    {
        var tender = TestTenders.Create(Sas, Utc(2027, 3, 1, 9, 0, Winter));

        Assert.Equal(Sas.Deadlines.Select(d => d.Id), tender.Deadlines.Select(d => d.Key));
        Assert.All(tender.Deadlines, d => Assert.Null(d.DueAtUtc));
        Assert.All(tender.Deadlines, d => Assert.Equal(tender.Id, d.TenderId));

        var openHouse = TestTenders.Create(RealDefinitions.OpenHouse, Utc(2027, 3, 1, 9, 0, Winter));
        Assert.Equal(new DateTime(2030, 12, 31, 22, 59, 59, DateTimeKind.Utc), openHouse.Deadline("contractEnd")!.DueAtUtc);
    }

    private static WorkflowDefinition DefinitionWithClose(string offset, string? rounding)
    {
        var d = MinimalDefinition.Parse();
        d.Deadlines(1)["offset"] = offset;
        if (rounding is null)
        {
            d.Deadlines(1).Remove("rounding");
        }
        else
        {
            d.Deadlines(1)["rounding"] = rounding;
        }
        var (definition, problems) = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadText("mini.json", d.ToJsonString());
        Assert.Empty(problems);
        return definition!;
    }
}
