using Ical.Net;
using TenderFlow.Web.Features.Consultation;
using TenderFlow.Web.Tests.Consultation;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Notifications;

/// <summary>Registered bidders are mailed when a consultation session changes, with the session as calendar event.</summary>
public sealed class MailSessionTests : ConsultationScenarioTests
{
    [Fact]
    public async Task A_moved_session_mails_each_registered_bidder_an_ics_with_the_sessions_uid_and_new_time()
    {
        var session = await S.ScheduleAsync();
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 1);
        await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 1);
        var moved = SessionStart.AddHours(1);
        Assert.True((await S.Procurement.PutAsync($"{S.Sessions}/{session}", System.Net.Http.Json.JsonContent.Create(Session(start: moved)))).IsSuccessStatusCode);

        Assert.Equal(new(2, 0, 0), await S.App.DeliverMailAsync());

        var notes = await S.NotificationsAsync("consultation.session.updated");
        Assert.Equal(2, notes.Count);
        var recipients = new List<string>();
        foreach (var note in notes)
        {
            var mail = S.App.LoadSingleMail(note.Id);
            recipients.Add(Assert.Single(mail.To.Mailboxes).Address);
            var part = MailTestKit.CalendarPart(mail);
            Assert.Equal("sessie.ics", part.FileName);
            var e = Assert.Single(Calendar.Load(part.Text)!.Events);
            Assert.Equal(SessionCalendar.Uid(Guid.Parse(session)), e.Uid);
            Assert.Equal(moved.UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(1, e.Sequence); // the same SEQUENCE as the session's downloadable .ics after one change
            Assert.Equal("CONFIRMED", e.Status);
        }
        Assert.Equal(["bo.zorgplus@example.test", "olaf.oost@example.test"], recipients.Order());
    }

    [Fact]
    public async Task A_cancelled_session_mails_a_cancelled_event_with_the_same_uid()
    {
        var session = await S.ScheduleAsync();
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 1);
        Assert.True((await S.Procurement.PostAsync($"{S.Sessions}/{session}/cancel", null)).IsSuccessStatusCode);

        await S.App.DeliverMailAsync();

        var note = Assert.Single(await S.NotificationsAsync("consultation.session.cancelled"));
        var e = Assert.Single(Calendar.Load(MailTestKit.CalendarPart(S.App.LoadSingleMail(note.Id)).Text)!.Events);
        Assert.Equal(SessionCalendar.Uid(Guid.Parse(session)), e.Uid);
        Assert.Equal("CANCELLED", e.Status);
    }
}
