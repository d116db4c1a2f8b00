using Microsoft.Extensions.Time.Testing;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>A second procedure, open-house, runs on the same engine with no code of its own.</summary>
public class OpenHouseEndToEndTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(1)));
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);
    private readonly FakeTenderFacts _facts = new();
    private static WorkflowDefinition Definition => RealDefinitions.OpenHouse;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private Task<StepResult> Fire(Tender tender, string trigger, Actor? actor = null, string? reason = null) =>
        _engine.FireAsync(tender, Definition, trigger, actor ?? TestActors.Procurement, reason, Now, _facts, default);

    private async Task<StepOutcome> MustFire(Tender tender, string trigger, Actor? actor = null, string? reason = null)
    {
        var result = await Fire(tender, trigger, actor, reason);
        Assert.True(result.Violation is null, $"{trigger}: {result.Violation?.Message.En}");
        Assert.Equal(Definition.Trigger(trigger)!.To, tender.Phase);
        return result.Outcome!;
    }

    private static DateTime Local(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0);

    private static DateTime Due(Tender tender, string key) => tender.Deadline(key)!.DueAtUtc ?? throw new InvalidOperationException($"{key} not planned");

    [Fact]
    public async Task Admission_rounds_run_until_the_framework_agreement_ends()
    {
        var tender = TestTenders.Create(Definition, Now);
        Assert.Equal("preparation", tender.Phase);
        Assert.Equal(new DateTime(2030, 12, 31, 22, 59, 59, DateTimeKind.Utc), Due(tender, "contractEnd"));
        Assert.Null(tender.Deadline("roundClose")!.DueAtUtc);
        Assert.Null(tender.Deadline("reviewDue")!.DueAtUtc);

        // Round 1: entered Monday 4 January 2027 10:00; six weeks to the end of the day, then four weeks of review.
        var opened = await MustFire(tender, "openAdmission");
        Assert.Equal(Local(2027, 2, 16), AmsterdamTime.ToLocal(Due(tender, "roundClose")));
        Assert.Equal(Local(2027, 3, 16), AmsterdamTime.ToLocal(Due(tender, "reviewDue")));
        Assert.Contains(opened.Records, r => r.Action == "tender.deadlines.computed");

        var early = await Fire(tender, "closeAdmissionRound", Actor.Scheduler);
        Assert.Equal("GuardsUnmetRule", early.Violation?.Rule);
        Assert.Equal("deadline.passed(roundClose)", Assert.Single(early.Violation!.UnmetGuards).Guard);

        _clock.SetUtcNow(Due(tender, "roundClose"));
        await MustFire(tender, "closeAdmissionRound", Actor.Scheduler);

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "completeReview")).Violation?.Rule);
        _clock.SetUtcNow(Due(tender, "reviewDue"));
        await MustFire(tender, "completeReview");

        // Round 2: reopened on 20 March 2027; the round restarts from that moment and crosses the clock change.
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal("ReasonRequiredRule", (await Fire(tender, "reopenAdmission")).Violation?.Rule);
        await MustFire(tender, "reopenAdmission", reason: "Nieuwe aanbieders melden zich voor dagbesteding.");
        Assert.Equal(Local(2027, 5, 2), AmsterdamTime.ToLocal(Due(tender, "roundClose")));
        Assert.Equal(Local(2027, 5, 30), AmsterdamTime.ToLocal(Due(tender, "reviewDue")));

        _clock.SetUtcNow(Due(tender, "roundClose"));
        await MustFire(tender, "closeAdmissionRound", Actor.Scheduler);
        _clock.SetUtcNow(Due(tender, "reviewDue"));
        await MustFire(tender, "completeReview");

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "conclude")).Violation?.Rule);
        _clock.SetUtcNow(new DateTimeOffset(2030, 12, 31, 23, 59, 59, TimeSpan.FromHours(1)));
        var concluded = await MustFire(tender, "conclude");

        Assert.Equal("concluded", tender.Outcome);
        Assert.Equal(Now, tender.ClosedAtUtc);
        Assert.Equal(7, tender.Revision);
        Assert.Contains(concluded.Records, r => r.Action == "tender.closed");
    }

    [Fact]
    public async Task A_role_that_may_never_fire_a_trigger_is_told_so_in_any_phase()
    {
        var tender = TestTenders.InPhase(Definition, "contracting", Now);

        // openAdmission is Procurement's, and not from contracting: the scheduler hears that it is not its to fire.
        Assert.Equal("RoleMayNotFireTriggerRule", (await Fire(tender, "openAdmission", Actor.Scheduler)).Violation?.Rule);
        Assert.Equal("TriggerNotAvailableInPhaseRule", (await Fire(tender, "openAdmission")).Violation?.Rule);
    }

    public static TheoryData<string> OpenPhases() => new(Definition.Phases.Where(p => !p.IsEnd).Select(p => p.Id));

    [Theory]
    [MemberData(nameof(OpenPhases))]
    public async Task Cancel_works_from_every_open_phase(string phase)
    {
        var tender = TestTenders.InPhase(Definition, phase, Now);

        Assert.Equal("RoleMayNotFireTriggerRule", (await Fire(tender, "cancel", Actor.Scheduler, "Automatisch.")).Violation?.Rule);
        Assert.Equal("ReasonRequiredRule", (await Fire(tender, "cancel")).Violation?.Rule);
        await MustFire(tender, "cancel", reason: "Het college heeft het beleid gewijzigd.");

        Assert.Equal("cancelled", tender.Outcome);
        Assert.Equal(Now, tender.ClosedAtUtc);
    }

    [Fact]
    public void Open_house_has_its_own_phases_none_of_which_sas_dialogue_code_knows()
    {
        Assert.Equal(["preparation", "admission", "review", "contracting", "concluded", "cancelled"], Definition.Phases.Select(p => p.Id));
        Assert.Empty(Definition.DialogueThemes);
    }
}
