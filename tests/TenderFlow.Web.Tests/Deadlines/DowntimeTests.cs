using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

public class DowntimeTests
{
    [Fact]
    public async Task Deadlines_that_passed_while_the_app_was_down_fire_once_at_start_up_marked_late()
    {
        using var data = new TempDirectory();
        Guid tender;
        using (var before = new TenderFlowFactory(data.Path))
        {
            tender = await DeadlineWorld.PublishedTenderAsync(before);
        }

        // Down from the first day until eleven days later: questions closed (day 2), the Q&A was due (day 9) and applications
        // closed (day 10) meanwhile.
        using (var after = new TenderFlowFactory(data.Path))
        {
            after.Clock.SetUtcNow(TenderFlowFactory.Start.AddDays(11));
            _ = after.Services;

            var passed = after.Events(tender, "deadline.passed");
            Assert.Equal(["/questionsClose", "/nviPublication", "/applicationsClose"], passed.Select(e => e.Subject[e.Subject.LastIndexOf('/')..]));
            Assert.All(passed, e => Assert.True(e.Payload()["late"]!.GetValue<bool>()));
            Assert.Equal([9 * 86400.0, 2 * 86400.0, 1 * 86400.0], passed.Select(e => e.Payload()["lateBySeconds"]!.GetValue<double>()));
            Assert.Equal("selection", after.Phase(tender));
            // The one-day reminders were due while the app was down too, but their deadlines had passed: skipped, not sent late.
            Assert.All(after.Jobs(tender, "questionsClose").Where(j => j.Kind == DeadlineJobKind.Reminder),
                j => Assert.Equal(DeadlineJobState.Skipped, j.State));
        }

        using (var again = new TenderFlowFactory(data.Path))
        {
            again.Clock.SetUtcNow(TenderFlowFactory.Start.AddDays(12));
            _ = again.Services;
            Assert.Equal(3, again.Events(tender, "deadline.passed").Count);
            Assert.Single(again.Events(tender, "tender.trigger.fired"), e => e.Payload()["trigger"]!.GetValue<string>() == "closeApplications");
        }
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_app_was_down_is_sent_late_when_its_deadline_is_still_ahead()
    {
        using var data = new TempDirectory();
        Guid tender;
        DateTime reminderAt;
        using (var before = new TenderFlowFactory(data.Path))
        {
            tender = await DeadlineWorld.PublishedTenderAsync(before);
            reminderAt = before.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Reminder && j.Offset == "P7D").RunAtUtc;
        }

        using var after = new TenderFlowFactory(data.Path);
        after.Clock.SetUtcNow(new DateTimeOffset(reminderAt, TimeSpan.Zero).AddHours(2));
        _ = after.Services;

        var sent = Assert.Single(after.Events(tender, "deadline.reminder.sent"), e => e.Subject.EndsWith("/applicationsClose", StringComparison.Ordinal));
        Assert.True(sent.Payload()["late"]!.GetValue<bool>());
        Assert.Equal(7200.0, sent.Payload()["lateBySeconds"]!.GetValue<double>());
        Assert.Equal("publication", after.Phase(tender));
    }
}
