using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Notifications;

/// <summary>Without an SMTP host every mail is written as an .eml file under &lt;data&gt;/mail.</summary>
public sealed class MailPickupTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { Settings = { ["Mail:PortalBaseUrl"] = "https://tenderflow.utrecht.example/portal" } };

    public void Dispose() => _app.Dispose();

    private static readonly LocalizedText NviText = new("De nota van inlichtingen is gepubliceerd – één bijlage, “zorg op maat”.", "The memorandum of information has been published – one annex, “tailored care”.");

    [Fact]
    public async Task Each_recipient_gets_the_mail_in_their_own_language_with_an_absolute_link()
    {
        var dutch = await _app.UserAsync("nina.nl", "nl");
        var english = await _app.UserAsync("eric.en", "en");
        var forDutch = await _app.NotifyAsync(dutch, "qa.nvi.published", NviText, "/tenders/42/vragen");
        var forEnglish = await _app.NotifyAsync(english, "qa.nvi.published", NviText, "/tenders/42/vragen");

        var counts = await _app.DeliverMailAsync();

        Assert.Equal(new(2, 0, 0), counts);
        Assert.Equal(2, Directory.GetFiles(_app.MailDirectory(), "*.eml").Length);
        Assert.Contains("\r\nSubject: ", File.ReadAllText(Assert.Single(_app.MailFiles(forDutch)))); // RFC 5322 line ends on every OS
        var nl = _app.LoadSingleMail(forDutch);
        Assert.Equal("nina.nl@example.test", Assert.Single(nl.To.Mailboxes).Address);
        Assert.Contains("nota van inlichtingen", nl.Subject);
        Assert.Contains("De nota van inlichtingen is gepubliceerd – één bijlage, “zorg op maat”.", nl.TextBody);
        Assert.Contains("één bijlage, “zorg op maat”", System.Net.WebUtility.HtmlDecode(nl.HtmlBody));
        Assert.All(File.ReadAllBytes(Assert.Single(_app.MailFiles(forDutch))), b => Assert.True(b < 128, "the .eml is 7-bit clean"));
        Assert.Contains("Bekijk dit in TenderFlow", nl.TextBody);
        Assert.DoesNotContain("memorandum", nl.TextBody);
        Assert.Contains("https://tenderflow.utrecht.example/portal/tenders/42/vragen", nl.TextBody);
        Assert.Contains("href=\"https://tenderflow.utrecht.example/portal/tenders/42/vragen\"", nl.HtmlBody);
        Assert.Contains("lang=\"nl\"", nl.HtmlBody);
        Assert.Empty(nl.Attachments);

        var en = _app.LoadSingleMail(forEnglish);
        Assert.Equal("eric.en@example.test", Assert.Single(en.To.Mailboxes).Address);
        Assert.Contains("memorandum of information", en.Subject);
        Assert.Contains("The memorandum of information has been published – one annex, “tailored care”.", en.TextBody);
        Assert.DoesNotContain("nota van inlichtingen", en.TextBody);
        Assert.Contains("href=\"https://tenderflow.utrecht.example/portal/tenders/42/vragen\"", en.HtmlBody);
        Assert.Contains("lang=\"en\"", en.HtmlBody);

        Assert.NotNull((await _app.NotificationAsync(forDutch))!.MailedAtUtc);
        Assert.Equal(1, (await _app.NotificationAsync(forEnglish))!.MailAttempts);
    }

    [Fact]
    public async Task A_deadline_notification_carries_an_ics_event_at_the_utc_moment_with_the_deadlines_uid()
    {
        var user = await _app.UserAsync("dirk.deadline", "nl");
        var due = new DateTime(2027, 3, 29, 10, 0, 0, DateTimeKind.Utc);
        var calendar = new NotificationCalendar("deadline-0f8e-questionsClose@tenderflow", due, due, "UTR-1: Sluiting vragen", "UTR-1: Questions close");
        var id = await _app.NotifyAsync(user, "deadline.reminder",
            new("Over 3 dagen sluit de termijn voor vragen.", "The period for questions closes in 3 days."), "/tenders/1",
            calendar with { TitleNl = "UTR-1: Sluiting vragen – één week" });

        await _app.DeliverMailAsync();

        var mail = _app.LoadSingleMail(id);
        var part = MailTestKit.CalendarPart(mail);
        Assert.Equal("PUBLISH", part.ContentType.Parameters["method"]);
        Assert.Equal("termijn.ics", part.FileName);
        Assert.Contains("2027-03-29 12:00", mail.TextBody); // the same moment in Amsterdam (CEST)
        var ics = Calendar.Load(part.Text)!;
        Assert.Equal("PUBLISH", ics.Method);
        var e = Assert.Single(ics.Events);
        Assert.Equal("deadline-0f8e-questionsClose@tenderflow", e.Uid);
        Assert.Equal(due, e.DtStart!.AsUtc);
        Assert.Equal("UTR-1: Sluiting vragen – één week", e.Summary);
        // Written in UTC form, not as a floating local time.
        Assert.Contains("DTSTART:20270329T100000Z", part.Text.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task A_later_notice_about_the_same_moment_has_a_higher_sequence()
    {
        var user = await _app.UserAsync("dirk.later", "en");
        var due = new DateTime(2027, 3, 29, 10, 0, 0, DateTimeKind.Utc);
        var first = await _app.NotifyAsync(user, "deadline.reminder", new("Herinnering", "Reminder"), "/tenders/1",
            new NotificationCalendar("deadline-x-questionsClose@tenderflow", due, due, "Vragen", "Questions"));
        _app.Clock.Advance(TimeSpan.FromDays(2));
        var moved = await _app.NotifyAsync(user, "deadline.reminder", new("Herinnering", "Reminder"), "/tenders/1",
            new NotificationCalendar("deadline-x-questionsClose@tenderflow", due.AddDays(3), due.AddDays(3), "Vragen", "Questions"));

        await _app.DeliverMailAsync();

        var before = Assert.Single(Calendar.Load(MailTestKit.CalendarPart(_app.LoadSingleMail(first)).Text)!.Events);
        var after = Assert.Single(Calendar.Load(MailTestKit.CalendarPart(_app.LoadSingleMail(moved)).Text)!.Events);
        Assert.Equal("deadline.ics", MailTestKit.CalendarPart(_app.LoadSingleMail(moved)).FileName);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"{after.Sequence} > {before.Sequence}");
    }

    [Fact]
    public async Task A_deadline_mail_still_waiting_when_the_tender_is_cancelled_is_not_sent()
    {
        var user = await _app.UserAsync("dirk.cancel", "nl");
        var tender = Guid.Parse((await _app.Procurement().CreateTenderAsync()).Id());
        var reminder = await _app.NotifyAsync(user, "deadline.reminder", new("Over 3 dagen sluit de termijn voor vragen.", "Questions close in 3 days."), "/tenders/1", tenderId: tender);
        var note = await _app.NotifyAsync(user, "qa.nvi.published", NviText, "/tenders/1", tenderId: tender);
        Assert.True((await _app.Procurement().FireAsync(tender.ToString(), "cancel", "Budget vervallen.")).IsSuccessStatusCode);

        await _app.DeliverMailAsync();

        Assert.Empty(_app.MailFiles(reminder));
        Assert.Contains("no longer applies", (await _app.NotificationAsync(reminder))!.MailError ?? "", StringComparison.Ordinal);
        Assert.Single(_app.MailFiles(note));
    }

    [Fact]
    public async Task Each_notification_is_mailed_once_and_a_rolled_back_one_never()
    {
        var user = await _app.UserAsync("olga.once", "nl");
        var committed = await _app.NotifyAsync(user, "qa.nvi.published", NviText, "/tenders/7");
        var rolledBack = await _app.NotifyAsync(user, "qa.nvi.published", new("Teruggedraaid", "Rolled back"), "/tenders/7", rollBack: true);
        Assert.Null(await _app.NotificationAsync(rolledBack));

        Assert.Equal(new(1, 0, 0), await _app.DeliverMailAsync());
        // A later run (another second, so a second file would get another name) finds nothing to send.
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new(0, 0, 0), await _app.DeliverMailAsync());

        Assert.Single(_app.MailFiles(committed));
        Assert.Empty(_app.MailFiles(rolledBack));
        var all = Directory.GetFiles(_app.MailDirectory(), "*.eml");
        Assert.Single(all);
        Assert.DoesNotContain(all, f => File.ReadAllText(f).Contains("Teruggedraaid"));
        Assert.Empty(Directory.GetFiles(_app.MailDirectory(), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_person_without_an_e_mail_address_is_marked_not_mailable_and_not_tried_again()
    {
        var user = await _app.UserAsync("zonder.adres", "nl");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Accounts created by an administrator may lack an address; the database allows it.
            var db = scope.ServiceProvider.GetRequiredService<TenderFlow.Web.Data.TenderFlowDbContext>();
            Assert.Equal(1, await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, (string?)null).SetProperty(u => u.NormalizedEmail, (string?)null)));
        }
        var id = await _app.NotifyAsync(user, "qa.nvi.published", NviText, "/tenders/7");

        Assert.Equal(new(0, 0, 1), await _app.DeliverMailAsync());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new(0, 0, 0), await _app.DeliverMailAsync());

        var row = (await _app.NotificationAsync(id))!;
        Assert.Null(row.MailedAtUtc);
        Assert.NotNull(row.MailGaveUpAtUtc);
        Assert.Contains("no e-mail address", row.MailError);
        Assert.Equal(0, row.MailAttempts);
        Assert.False(Directory.Exists(_app.MailDirectory()) && Directory.GetFiles(_app.MailDirectory()).Length > 0);
    }

    [Fact]
    public async Task A_notification_that_waited_longer_than_the_maximum_age_is_not_mailed_any_more()
    {
        var user = await _app.UserAsync("oscar.oud", "nl");
        var old = await _app.NotifyAsync(user, "qa.nvi.published", NviText, "/tenders/7");
        _app.Clock.Advance(TimeSpan.FromHours(73));
        var fresh = await _app.NotifyAsync(user, "qa.nvi.published", NviText, "/tenders/7");

        Assert.Equal(new(1, 0, 1), await _app.DeliverMailAsync());

        Assert.Empty(_app.MailFiles(old));
        Assert.Single(_app.MailFiles(fresh));
        var row = (await _app.NotificationAsync(old))!;
        Assert.Null(row.MailedAtUtc);
        Assert.Contains("MaxAgeHours", row.MailError);
    }

    [Fact]
    public async Task Links_that_do_not_point_into_the_portal_become_the_inbox()
    {
        var user = await _app.UserAsync("lars.link", "nl");
        var id = await _app.NotifyAsync(user, "test.link", NviText, "//evil.example/phish");

        await _app.DeliverMailAsync();

        var mail = _app.LoadSingleMail(id);
        Assert.DoesNotContain("evil.example", mail.TextBody);
        Assert.Contains("https://tenderflow.utrecht.example/portal/meldingen", mail.TextBody);
    }
}
