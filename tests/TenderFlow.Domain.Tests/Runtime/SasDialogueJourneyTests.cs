using Microsoft.Extensions.Time.Testing;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Runtime;

/// <summary>A whole sas-dialogue tender from consultation to awarded on a fake clock, with the seed's planning.</summary>
public class SasDialogueJourneyTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly WorkflowEngine _engine = new(BehaviourRegistry.BuiltIn);
    private readonly FakeTenderFacts _facts = new();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private async Task<StepResult> Fire(Tender tender, string trigger, Actor? actor = null, string? reason = null) =>
        await _engine.FireAsync(tender, RealDefinitions.SasDialogue, trigger, actor ?? TestActors.Procurement, reason, Now, _facts, default);

    private async Task<StepOutcome> MustFire(Tender tender, string trigger, Actor? actor = null, string? reason = null)
    {
        var result = await Fire(tender, trigger, actor, reason);
        Assert.True(result.Violation is null, $"{trigger}: {result.Violation?.Message.En}");
        return result.Outcome!;
    }

    [Fact]
    public async Task A_tender_runs_from_consultation_to_awarded()
    {
        var definition = RealDefinitions.SasDialogue;
        var planned = new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = new(2025, 5, 15, 9, 0, 0, Summer),
            ["questionsClose"] = new(2025, 6, 2, 12, 0, 0, Summer),
            ["applicationsClose"] = new(2025, 7, 1, 12, 0, 0, Summer),
            ["dialogueEnd"] = new(2026, 1, 15, 17, 0, 0, Winter),
            ["submissionClose"] = new(2026, 3, 1, 12, 0, 0, Winter),
            ["contractStart"] = new(2027, 1, 1, 0, 0, 0, Winter),
        };
        var tender = TestTenders.Create(definition, Now, planned);
        Assert.Equal("consultation", tender.Phase);
        Assert.Equal(new DateTime(2025, 6, 9, 10, 0, 0, DateTimeKind.Utc), tender.Deadline("nviPublication")!.DueAtUtc);
        Assert.Empty(await _engine.EnterInitialPhaseAsync(tender, definition, TestActors.Procurement, Now, default));

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "publish")).Violation?.Rule);
        _clock.SetUtcNow(planned["publication"]);
        await MustFire(tender, "publish");

        _clock.SetUtcNow(planned["applicationsClose"]);
        Assert.Equal("qa.allAnsweredInANote", (await Fire(tender, "closeApplications", Actor.Scheduler)).Violation!.UnmetGuards.Single().Guard);
        _facts.QuestionsNotInANoteCount = 0;
        await MustFire(tender, "closeApplications", Actor.Scheduler);

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "announceSelection")).Violation?.Rule);
        _facts.SelectedCandidateCount = 1;
        _clock.SetUtcNow(new DateTimeOffset(2025, 9, 1, 14, 0, 0, Summer));
        var announced = await MustFire(tender, "announceSelection");
        Assert.Contains(announced.Records, r => r.Action == "tender.deadlines.computed");
        var standstillEnd = tender.Deadline("selectionStandstillEnd")!.DueAtUtc!.Value;
        Assert.Equal(new DateTime(2025, 9, 22, 0, 0, 0), AmsterdamTime.ToLocal(standstillEnd));

        _facts.OpenObjectionCount = 1;
        var (_, objection) = await Fire(tender, "startDialogue", Actor.Scheduler);
        Assert.Equal(["deadline.passed(selectionStandstillEnd)", "objections.noneOpen"], objection!.UnmetGuards.Select(u => u.Guard));
        _facts.OpenObjectionCount = 0;
        _clock.SetUtcNow(standstillEnd);
        await MustFire(tender, "startDialogue", Actor.Scheduler);
        Assert.Equal(11, tender.Themes.Count);

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "concludeDialogue")).Violation?.Rule);
        foreach (var theme in tender.Themes)
        {
            theme.Status = theme.Key == "digitalisation" ? DialogueThemeStatus.Waived : DialogueThemeStatus.Closed;
        }
        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "concludeDialogue")).Violation?.Rule);
        tender.Themes.Single(t => t.Key == "digitalisation").WaiverReason = "Valt onder het landelijke programma.";
        _clock.SetUtcNow(planned["dialogueEnd"]);
        await MustFire(tender, "concludeDialogue");

        Assert.Equal(["specification.approvedByLegal"], (await Fire(tender, "openSubmission")).Violation!.UnmetGuards.Select(u => u.Guard));
        // Approved, but a theme was closed again after the approved version was written: that version does not bind its outcome.
        var written = Now;
        _facts.ApprovedSpecificationWrittenAtUtc = written;
        tender.Themes.Single(t => t.Key == "steering-funding").ClosedAtUtc = written.AddMinutes(5);
        var stale = (await Fire(tender, "openSubmission")).Violation!.UnmetGuards.Single();
        Assert.Equal("specification.approvedByLegal", stale.Guard);
        Assert.Contains(tender.Themes.Single(t => t.Key == "steering-funding").TitleEn, stale.Explanation.En, StringComparison.Ordinal);
        _facts.ApprovedSpecificationWrittenAtUtc = written.AddMinutes(10);
        await MustFire(tender, "openSubmission");

        _clock.SetUtcNow(planned["submissionClose"]);
        await MustFire(tender, "closeSubmission", Actor.Scheduler);

        _facts.QualityVerdict = QualityVerdict.Sufficient;
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 10, 0, 0, Winter));
        await MustFire(tender, "announceAward", reason: "Kwaliteit voldoende op alle criteria.");
        Assert.Equal(new DateTime(2026, 4, 10, 0, 0, 0), AmsterdamTime.ToLocal(tender.Deadline("awardStandstillEnd")!.DueAtUtc!.Value));

        _clock.SetUtcNow(tender.Deadline("awardStandstillEnd")!.DueAtUtc!.Value);
        await MustFire(tender, "finalAward", Actor.Scheduler);

        Assert.Equal("GuardsUnmetRule", (await Fire(tender, "startContract", Actor.Scheduler)).Violation?.Rule);
        _facts.ContractRecorded = true;
        _clock.SetUtcNow(planned["contractStart"]);
        var started = await MustFire(tender, "startContract", Actor.Scheduler);

        Assert.Equal("awarded", tender.Phase);
        Assert.Equal("awarded", tender.Outcome);
        Assert.Equal(Now, tender.ClosedAtUtc);
        Assert.Equal(10, tender.Revision);
        Assert.Equal(["tender.trigger.fired", "tender.closed"], started.Records.Select(r => r.Action));
    }
}
