using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Features.Notifications.Mail;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Notifications;

/// <summary>With Mail:Host set (and the demo off) mail goes over SMTP; a server that is down loses nothing.</summary>
public sealed class MailSmtpTests
{
    private static readonly LocalizedText Text = new("Uw inschrijving is ontvangen.", "Your tender has been received.");

    private static TenderFlowFactory App(int port) => new()
    {
        Settings =
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:FromAddress"] = "aanbesteden@utrecht.example",
            ["Mail:FromName"] = "Gemeente Utrecht – TenderFlow",
            ["Mail:TimeoutSeconds"] = "5",
        },
    };

    [Fact]
    public async Task The_mail_arrives_at_the_smtp_server_for_the_right_recipient()
    {
        using var server = new FakeSmtpServer();
        using var app = App(server.Port);
        var english = await app.UserAsync("sam.smtp", "en");
        var id = await app.NotifyAsync(english, "submission.received", Text, "/tenders/9");

        Assert.Equal(new(1, 0, 0), await app.DeliverMailAsync());

        var received = Assert.Single(server.Messages);
        Assert.Equal(["sam.smtp@example.test"], received.Recipients);
        Assert.Equal("aanbesteden@utrecht.example", received.From);
        Assert.Equal("sam.smtp@example.test", Assert.Single(received.Message.To.Mailboxes).Address);
        Assert.Contains("Your tender has been received.", received.Message.TextBody);
        Assert.Contains("http://localhost:5080/tenders/9", received.Message.TextBody);
        Assert.Empty(app.MailFiles(id));
        Assert.NotNull((await app.NotificationAsync(id))!.MailedAtUtc);
    }

    [Fact]
    public async Task A_refused_connection_is_recorded_and_retried_after_the_back_off_without_losing_the_mail()
    {
        var port = FakeSmtpServer.FreePort();
        using var app = App(port);
        var user = await app.UserAsync("rita.retry", "nl");
        var id = await app.NotifyAsync(user, "submission.received", Text, "/tenders/9");

        Assert.Equal(new(0, 1, 0), await app.DeliverMailAsync());
        var failed = (await app.NotificationAsync(id))!;
        Assert.Null(failed.MailedAtUtc);
        Assert.Null(failed.MailGaveUpAtUtc);
        Assert.False(string.IsNullOrWhiteSpace(failed.MailError));
        Assert.Equal(1, failed.MailAttempts);
        Assert.Equal(TenderFlowFactory.Start.UtcDateTime + MailOutbox.BackOff(1), failed.MailNextAttemptAtUtc);

        // Not before its time.
        Assert.Equal(new(0, 0, 0), await app.DeliverMailAsync());

        using var server = new FakeSmtpServer(port);
        app.Clock.Advance(MailOutbox.BackOff(1));
        Assert.Equal(new(1, 0, 0), await app.DeliverMailAsync());

        var received = Assert.Single(server.Messages);
        Assert.Equal(["rita.retry@example.test"], received.Recipients);
        Assert.Contains("Uw inschrijving is ontvangen.", received.Message.TextBody);
        var sent = (await app.NotificationAsync(id))!;
        Assert.NotNull(sent.MailedAtUtc);
        Assert.Null(sent.MailError);
        Assert.Equal(2, sent.MailAttempts);
    }

    [Fact]
    public async Task A_mail_server_down_for_three_hours_delays_the_mail_but_does_not_lose_it()
    {
        var port = FakeSmtpServer.FreePort();
        using var app = App(port);
        var user = await app.UserAsync("anna.award", "nl");
        var id = await app.NotifyAsync(user, "award.decision", new("De gunningsbeslissing is bekendgemaakt.", "The award decision has been announced."), "/tenders/9");
        var outageEnds = app.Clock.GetUtcNow() + TimeSpan.FromHours(3);

        while (app.Clock.GetUtcNow() < outageEnds)
        {
            Assert.Equal(new(0, 1, 0), await app.DeliverMailAsync());
            var next = (await app.NotificationAsync(id))!.MailNextAttemptAtUtc!.Value;
            Assert.True(next - app.Clock.GetUtcNow().UtcDateTime <= TimeSpan.FromHours(4), $"next attempt at {next:O}");
            app.Clock.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
        }
        using var server = new FakeSmtpServer(port);
        Assert.Equal(new(1, 0, 0), await app.DeliverMailAsync());

        Assert.Contains("De gunningsbeslissing is bekendgemaakt.", Assert.Single(server.Messages).Message.TextBody);
        Assert.NotNull((await app.NotificationAsync(id))!.MailedAtUtc);
    }

    [Fact]
    public async Task Once_the_retry_hours_have_passed_the_outbox_gives_up_and_says_why()
    {
        var port = FakeSmtpServer.FreePort();
        using var app = new TenderFlowFactory
        {
            Settings = { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Security"] = "None", ["Mail:RetryHours"] = "1" },
        };
        var user = await app.UserAsync("gijs.giveup", "nl");
        var id = await app.NotifyAsync(user, "submission.received", Text, "/tenders/9");

        // Attempts after 0, 1, 3, 7, 15 and 31 minutes, and the last one at the hour (not at 63 minutes).
        for (var attempt = 1; attempt < 7; attempt++)
        {
            Assert.Equal(new(0, 1, 0), await app.DeliverMailAsync());
            app.Clock.SetUtcNow(new DateTimeOffset((await app.NotificationAsync(id))!.MailNextAttemptAtUtc!.Value, TimeSpan.Zero));
        }
        Assert.Equal(TenderFlowFactory.Start + TimeSpan.FromHours(1), app.Clock.GetUtcNow());
        Assert.Equal(new(0, 0, 1), await app.DeliverMailAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new(0, 0, 0), await app.DeliverMailAsync());

        var row = (await app.NotificationAsync(id))!;
        Assert.Null(row.MailedAtUtc);
        Assert.NotNull(row.MailGaveUpAtUtc);
        Assert.StartsWith("Gave up after 7 attempts in 1 h (Mail:RetryHours).", row.MailError);
    }

    [Fact]
    public void Retrying_longer_than_mail_is_sent_at_all_is_a_configuration_error()
    {
        Assert.Empty(new MailOptions().Problems());
        Assert.Contains(new MailOptions { RetryHours = 96 }.Problems(), p => p.StartsWith("Mail:RetryHours (96) must not exceed Mail:MaxAgeHours (72)", StringComparison.Ordinal));
        Assert.Contains(new MailOptions { RetryHours = 0 }.Problems(), p => p.Contains("RetryHours", StringComparison.Ordinal));
    }
}
