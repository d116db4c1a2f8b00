using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Deadlines;

public class DeadlineChangePolicyTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime QuestionsClose = new(2027, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    private static WorkflowDefinition Sas => RealDefinitions.SasDialogue;

    private static Tender Tender(string phase = "publication")
    {
        var tender = TestTenders.Create(Sas, Now, new Dictionary<string, DateTimeOffset> { ["questionsClose"] = QuestionsClose });
        tender.Phase = phase;
        return tender;
    }

    private static string? Rule(Tender tender, DeadlineChangeRequest request, DateTime now) => DeadlineChangePolicy.Check(tender, Sas, request, now).Violation?.Rule;

    [Fact]
    public void Allows_a_change_with_a_reason_before_the_deadline_passes()
    {
        var (change, violation) = DeadlineChangePolicy.Check(Tender(), Sas, new("questionsClose", "2027-05-08T12:00", " Extra informatiesessie ", false), Now);

        Assert.Null(violation);
        Assert.Equal(QuestionsClose, change!.OldUtc);
        Assert.Equal(new DateTime(2027, 5, 8, 10, 0, 0, DateTimeKind.Utc), change.NewUtc);
        Assert.Equal("Extra informatiesessie", change.Reason);
    }

    [Theory]
    [InlineData("onbekend", "2027-05-08T12:00", "r", false, "UnknownDeadlineRule")]
    [InlineData("nviPublication", "2027-05-08T12:00", "r", false, "DeadlineNotPlannedRule")]
    [InlineData("questionsClose", "2027-05-08T12:00", "  ", false, "DeadlineChangeReasonRequiredRule")]
    [InlineData("questionsClose", "2027-05-08T12:00", null, true, "DeadlineChangeReasonRequiredRule")]
    [InlineData("questionsClose", "2027-05-08T12:00", "\u200b\u00a0", false, "DeadlineChangeReasonRequiredRule")]
    [InlineData("questionsClose", "2027-05-08T12:00", "Extra sessie \u202Eeisses\u202C", false, "UnreadableTextRule")]
    [InlineData("questionsClose", "2027-05-08T12:00", "Extra\u0000sessie", false, "UnreadableTextRule")]
    [InlineData("questionsClose", "2027-02-01T12:00", "r", false, "DeadlineNotInFutureRule")]
    [InlineData("questionsClose", "2027-05-01T12:00", "r", false, "DeadlineUnchangedRule")]
    [InlineData("questionsClose", "2027-04-20T12:00", "r", true, "OutageExtensionMustExtendRule")]
    [InlineData("questionsClose", "2027-03-28T02:30", "r", false, "NonexistentLocalTimeRule")]
    public void Names_the_rule_a_change_breaks(string key, string dueAt, string? reason, bool outage, string rule) =>
        Assert.Equal(rule, Rule(Tender(), new(key, dueAt, reason, outage), Now));

    [Fact]
    public void Refuses_a_reason_that_is_too_long() =>
        Assert.Equal("DeadlineChangeReasonTooLongRule", Rule(Tender(), new("questionsClose", "2027-05-08T12:00", new string('x', DeadlineChangeRules.MaxReasonLength + 1), false), Now));

    [Fact]
    public void A_passed_deadline_is_law_from_its_very_moment()
    {
        Assert.Equal("DeadlinePassedRule", Rule(Tender(), new("questionsClose", "2027-05-08T12:00", "r", false), QuestionsClose));
        Assert.Null(Rule(Tender(), new("questionsClose", "2027-05-08T12:00", "r", false), QuestionsClose.AddTicks(-1)));
    }

    [Fact]
    public void An_outage_may_extend_a_passed_deadline_while_its_window_is_open()
    {
        var (change, violation) = DeadlineChangePolicy.Check(Tender(), Sas, new("questionsClose", "2027-05-03T12:00", "Storing 1 mei", true), QuestionsClose.AddHours(2));

        Assert.Null(violation);
        Assert.True(change!.Outage);
    }

    [Fact]
    public void An_outage_may_also_extend_a_deadline_that_has_not_passed_yet()
    {
        var (change, violation) = DeadlineChangePolicy.Check(Tender(), Sas, new("questionsClose", "2027-05-03T12:00", "Storing tijdens de vragenronde", true), Now);

        Assert.Null(violation);
        Assert.True(change!.Outage);
        Assert.Equal("OutageExtensionMustExtendRule", Rule(Tender(), new("questionsClose", "2027-04-20T12:00", "Storing", true), Now));
    }

    [Fact]
    public void An_outage_cannot_reopen_a_deadline_whose_phase_is_over()
    {
        var violation = DeadlineChangePolicy.Check(Tender("selection"), Sas, new("questionsClose", "2027-05-03T12:00", "Storing", true), QuestionsClose.AddHours(2)).Violation;

        Assert.Equal("DeadlinePassedRule", violation!.Rule);
        Assert.Equal(RuleKind.Conflict, violation.Kind);
    }

    [Fact]
    public void An_ended_tender_refuses_every_change()
    {
        var ended = Sas.Phases.First(p => p.IsEnd).Id;

        Assert.Equal("TenderEndedRule", Rule(Tender(ended), new("questionsClose", "2027-05-08T12:00", "r", false), Now));
        Assert.Equal("TenderEndedRule", Rule(Tender(ended), new("questionsClose", "2027-05-08T12:00", "r", true), Now));
    }

    [Fact]
    public void Rescheduling_moves_the_deadlines_counted_from_it()
    {
        var tender = Tender();
        var moved = new DateTime(2027, 5, 8, 10, 0, 0, DateTimeKind.Utc);

        var changedAt = Now.AddHours(3);

        var changes = DeadlinePlanner.Reschedule(tender, Sas, "questionsClose", moved, changedAt);

        Assert.Equal(new DeadlineChange("questionsClose", QuestionsClose, moved), changes[0]);
        var nvi = Assert.Single(changes, c => c.Key == "nviPublication");
        Assert.Equal(moved.AddDays(7), nvi.ToUtc);
        Assert.Equal(moved.AddDays(7), tender.Deadline("nviPublication")!.DueAtUtc);
        // When each date got its value: the plan's reminders count from there.
        Assert.Equal(changedAt, tender.Deadline("questionsClose")!.SetAtUtc);
        Assert.Equal(changedAt, tender.Deadline("nviPublication")!.SetAtUtc);
        Assert.NotEqual(changedAt, tender.Deadline("applicationsClose")!.SetAtUtc);
        Assert.Empty(DeadlinePlanner.Reschedule(tender, Sas, "questionsClose", moved, changedAt.AddHours(1)));
        Assert.Equal(changedAt, tender.Deadline("questionsClose")!.SetAtUtc);
    }

    private static readonly DateTime SubmissionClose = new(2027, 9, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>In <paramref name="phase"/> since <paramref name="enteredUtc"/>, with the submission's close watched since <paramref name="watchedSinceUtc"/>.</summary>
    private static Tender InPhase(string phase, DateTime enteredUtc, DateTime? watchedSinceUtc = null)
    {
        var tender = TestTenders.Create(Sas, Now, new Dictionary<string, DateTimeOffset> { ["submissionClose"] = SubmissionClose });
        (tender.Phase, tender.PhaseEnteredAtUtc) = (phase, enteredUtc);
        tender.Deadline("submissionClose")!.WatchedSinceUtc = watchedSinceUtc ?? enteredUtc;
        return tender;
    }

    // After returnToDialogue the tender is back in a phase that watches the submission's closing date, which passed in the
    // first round. Nobody can act on that moment any more: Procurement plans a new one as an ordinary change, not as an
    // extension after a platform outage that never happened.
    [Fact]
    public void A_deadline_that_passed_before_the_tender_came_back_into_its_phases_is_planned_anew_without_an_outage()
    {
        var returned = InPhase("dialogue", SubmissionClose.AddDays(20));

        var (change, violation) = DeadlineChangePolicy.Check(returned, Sas,
            new("submissionClose", "2027-12-01T12:00", "Nieuwe inschrijvingsronde na terugkeer naar de dialoog", false), SubmissionClose.AddDays(21));

        Assert.Null(violation);
        Assert.Equal((SubmissionClose, new DateTime(2027, 12, 1, 11, 0, 0, DateTimeKind.Utc)), (change!.OldUtc, change.NewUtc));
        Assert.True(change.NewRound);
        Assert.False(change.Outage);
        Assert.Equal("DeadlineNotInFutureRule", Rule(returned, new("submissionClose", "2027-09-15T12:00", "r", false), SubmissionClose.AddDays(21)));
    }

    [Fact]
    public void A_deadline_that_passed_while_the_tender_was_in_its_phase_stays_law()
    {
        var submitting = InPhase("submission", SubmissionClose.AddDays(-10));

        Assert.Equal("DeadlinePassedRule", Rule(submitting, new("submissionClose", "2027-12-01T12:00", "r", false), SubmissionClose.AddHours(1)));
        Assert.False(DeadlineChangePolicy.Check(submitting, Sas, new("submissionClose", "2027-12-01T12:00", "Storing", true), SubmissionClose.AddHours(1)).Change!.NewRound);
    }

    // Watched without a break since before it passed: re-entering the phase (a trigger whose 'to' is one of its 'from'
    // phases) opens no new round.
    [Fact]
    public void A_passed_deadline_watched_since_before_it_passed_stays_law_once_the_phase_it_closes_was_reached()
    {
        var tender = InPhase("submission", enteredUtc: SubmissionClose.AddDays(2), watchedSinceUtc: SubmissionClose.AddDays(-30));

        Assert.Equal("DeadlinePassedRule", Rule(tender, new("submissionClose", "2027-12-01T12:00", "Nieuwe ronde?", false), SubmissionClose.AddDays(3)));
    }

    // The submission's close passed while the dialogue or the final specification ran late: submission never opened, so it
    // closed nothing, and without a new moment openSubmission (guard deadline.ahead) could never be fired.
    [Theory]
    [InlineData("dialogue")]
    [InlineData("specification")]
    public void A_deadline_that_passed_before_the_phase_it_closes_began_is_planned_anew(string phase)
    {
        var late = InPhase(phase, enteredUtc: SubmissionClose.AddDays(-40), watchedSinceUtc: SubmissionClose.AddDays(-40));

        var (change, violation) = DeadlineChangePolicy.Check(late, Sas,
            new("submissionClose", "2027-12-01T12:00", "De dialoog liep uit; nieuwe sluitingsdatum", false), SubmissionClose.AddDays(3));

        Assert.Null(violation);
        Assert.True(change!.BeforeItsPhase);
        Assert.False(change.NewRound);
        Assert.True(DeadlineChangePolicy.PassedBeforeItCouldFire(late, Sas, Sas.Deadline("submissionClose")!));
        Assert.False(DeadlineChangePolicy.PassedBeforeItCouldFire(InPhase("submission", SubmissionClose.AddDays(-5)), Sas, Sas.Deadline("submissionClose")!));
        // A deadline that closes nothing (no 'fires') stays law once it has passed in its phase.
        Assert.Equal("DeadlinePassedRule", Rule(Tender(), new("questionsClose", "2027-05-08T12:00", "r", false), QuestionsClose.AddHours(1)));
    }
}
