using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tests.Support;

namespace TenderFlow.Domain.Tests.Deadlines;

public class DeadlineJobPlanTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Only_deadlines_watched_in_the_current_phase_get_jobs_with_their_reminders_close_and_escalation()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.Create(definition, Now, new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = new(2027, 4, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            ["questionsClose"] = new(2027, 4, 20, 12, 0, 0, TimeSpan.FromHours(2)),
            ["applicationsClose"] = new(2027, 5, 10, 12, 0, 0, TimeSpan.FromHours(2)),
        });

        var jobs = DeadlineJobPlan.For(tender, definition);

        // Consultation watches the publication date (reminders P7D and P1D, close, escalation after a day) and applicationsClose.
        Assert.Equal(["applicationsClose", "publication"], jobs.Select(j => j.DeadlineKey).Distinct().Order());
        var publication = jobs.Where(j => j.DeadlineKey == "publication").ToList();
        var due = new DateTime(2027, 4, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            // Seven calendar days before 1 April (summer time) is 25 March (winter time): 11:00 UTC, not 10:00.
            [(DeadlineJobKind.Reminder, "P7D", due.AddDays(-7).AddHours(1)), (DeadlineJobKind.Reminder, "P1D", due.AddDays(-1)),
             (DeadlineJobKind.Close, "", due), (DeadlineJobKind.Escalation, "P1D", due.AddDays(1))],
            publication.Select(j => (j.Kind, j.Offset, j.RunAtUtc)));
        Assert.Equal("closeApplications", definition.Deadline("applicationsClose")!.Fires);
    }

    [Fact]
    public void A_reminder_whose_moment_had_gone_when_the_date_was_set_is_not_planned_but_the_deadline_still_closes()
    {
        var definition = RealDefinitions.SasDialogue;
        var due = Now.AddDays(3);
        var tender = TestTenders.Create(definition, Now, new Dictionary<string, DateTimeOffset> { ["publication"] = new(due) });

        var jobs = DeadlineJobPlan.For(tender, definition).Where(j => j.DeadlineKey == "publication").ToList();

        Assert.Equal([(DeadlineJobKind.Reminder, "P1D"), (DeadlineJobKind.Close, ""), (DeadlineJobKind.Escalation, "P1D")], jobs.Select(j => (j.Kind, j.Offset)));
    }

    [Fact]
    public void A_reminder_planned_in_time_stays_planned_after_its_moment_also_across_phases_that_keep_watching_its_deadline()
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.Create(definition, Now, new Dictionary<string, DateTimeOffset> { ["applicationsClose"] = new(Now.AddDays(10)) });
        DeadlineJobPlan.Watch(tender, definition, Now);
        bool WeekReminderPlanned() => DeadlineJobPlan.For(tender, definition)
            .Any(j => j.DeadlineKey == "applicationsClose" && j.Kind == DeadlineJobKind.Reminder && j.Offset == "P7D");

        // Four days on, the seven-day reminder (day 3) has not run yet (the platform was down, or its run is being
        // retried) and the tender moves from consultation to publication, which watches the same deadline: still owed.
        tender.Phase = "publication";
        tender.PhaseEnteredAtUtc = Now.AddDays(4);
        DeadlineJobPlan.Watch(tender, definition, Now.AddDays(4));
        Assert.Equal(Now, tender.Deadline("applicationsClose")!.WatchedSinceUtc);
        Assert.True(WeekReminderPlanned());

        // A phase that does not watch it ends the watch; coming back later plans only the reminders still ahead.
        tender.Phase = "selection";
        DeadlineJobPlan.Watch(tender, definition, Now.AddDays(5));
        Assert.Null(tender.Deadline("applicationsClose")!.WatchedSinceUtc);
        tender.Phase = "publication";
        tender.PhaseEnteredAtUtc = Now.AddDays(6);
        DeadlineJobPlan.Watch(tender, definition, Now.AddDays(6));
        Assert.Equal(Now.AddDays(6), tender.Deadline("applicationsClose")!.WatchedSinceUtc);
        Assert.False(WeekReminderPlanned());
    }

    [Fact]
    public void Reminders_count_calendar_days_in_Amsterdam_across_the_clock_change()
    {
        var definition = RealDefinitions.SasDialogue;
        // 2027-04-01 12:00 summer time; seven calendar days earlier is 2027-03-25 12:00 winter time: 7 days and 1 hour in UTC.
        var tender = TestTenders.Create(definition, Now, new Dictionary<string, DateTimeOffset> { ["publication"] = new(2027, 4, 1, 12, 0, 0, TimeSpan.FromHours(2)) });

        var week = DeadlineJobPlan.For(tender, definition).Single(j => j.DeadlineKey == "publication" && j.Offset == "P7D");

        Assert.Equal(new DateTime(2027, 3, 25, 11, 0, 0, DateTimeKind.Utc), week.RunAtUtc);
    }

    [Fact]
    public void A_deadline_without_a_date_and_a_tender_in_an_end_state_have_no_jobs()
    {
        var definition = RealDefinitions.SasDialogue;
        var undated = TestTenders.Create(definition, Now);
        Assert.Empty(DeadlineJobPlan.For(undated, definition));

        var ended = TestTenders.InPhase(definition, "cancelled", Now);
        TestTenders.AllDeadlinesDue(ended, Now.AddDays(10));
        Assert.Empty(DeadlineJobPlan.For(ended, definition));
    }

    [Fact]
    public void Every_deadline_of_the_procedure_that_closes_a_window_fires_a_trigger_the_scheduler_may_fire()
    {
        var definition = RealDefinitions.SasDialogue;
        Assert.Equal(
            [("applicationsClose", "closeApplications"), ("awardStandstillEnd", "finalAward"), ("contractStart", "startContract"),
             ("selectionStandstillEnd", "startDialogue"), ("submissionClose", "closeSubmission")],
            definition.Deadlines.Where(d => d.Fires is not null).Select(d => (d.Id, d.Fires!)).Order());
        Assert.All(definition.Deadlines.Where(d => d.Fires is not null),
            d => Assert.Contains(Workflow.Roles.System, definition.Trigger(d.Fires!)!.Roles));
    }
}
