using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Notifications;

namespace TenderFlow.Web.Tests.Audit;

/// <summary>The daily anchor reaches Legal outside the server, so that a later cut or rewrite of the chain shows against it.</summary>
public sealed class AuditAnchorMailTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<AuditVerification?> RunAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditAnchorMail>().SendIfDueAsync(CancellationToken.None);
    }

    private List<Domain.Notifications.Notification> Notifications(string kind) =>
        _app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.CreatedAtUtc).ToList());

    private List<AuditEvent> Events(string action) =>
        _app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToList());

    private async Task WriteHistoryAsync()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();
        await procurement.FireAsync(tender.Id(), "cancel", "geen budget");
    }

    [Fact]
    public async Task Every_Legal_user_gets_the_anchor_of_the_verified_chain_by_mail_and_the_sending_is_audited()
    {
        var lawyer = await _app.UserAsync("lea.jurist", "nl", "Legal");
        var english = await _app.UserAsync("lee.lawyer", "en", "Legal");
        await _app.UserAsync("bob.buyer", "nl", "Procurement");
        await WriteHistoryAsync();
        var head = ChainForgery.Head(_app.ConnectionString);

        var sent = await RunAsync();

        Assert.True(sent!.Intact);
        Assert.Equal(head, $"{sent.EventCount}:{sent.HeadHash}");
        var notes = Notifications(AuditAnchorMail.AnchorKind);
        Assert.Equal(new[] { lawyer.Id, english.Id }.Order(StringComparer.Ordinal), notes.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.All(notes, n => Assert.Contains($"verify --anchor {head}", n.TextNl, StringComparison.Ordinal));
        var recorded = Assert.Single(Events(AuditAnchorMail.SentAction));
        Assert.Equal(head.Split(':')[0], recorded.Payload()["sequence"]!.ToString());
        Assert.Equal(head.Split(':')[1], recorded.Payload()["hash"]!.GetValue<string>());
        Assert.Equal(2, recorded.Payload()["recipients"]!.GetValue<int>());

        Assert.Equal(2, (await _app.DeliverMailAsync()).Sent);
        var mail = _app.LoadSingleMail(notes.Single(n => n.UserId == english.Id).Id);
        Assert.Contains($"Audit anchor of ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"audit verify --anchor {head}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("OK", (await _app.Legal().GetJsonAsync($"/api/audit/verify?anchor={head}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_is_sent_twice_in_a_day_nor_when_nothing_was_written_since()
    {
        await _app.UserAsync("lea.jurist", "nl", "Legal");
        await WriteHistoryAsync();
        Assert.NotNull(await RunAsync());

        Assert.Null(await RunAsync());
        await WriteHistoryAsync();
        _app.Clock.Advance(TimeSpan.FromHours(19));
        Assert.Null(await RunAsync());

        _app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.NotNull(await RunAsync());
        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Null(await RunAsync());

        Assert.Equal(2, Events(AuditAnchorMail.SentAction).Count);
        Assert.Equal(2, Notifications(AuditAnchorMail.AnchorKind).Count);
    }

    [Fact]
    public async Task Events_written_while_the_chain_was_being_checked_are_anchored_the_next_day()
    {
        await _app.UserAsync("lea.jurist", "nl", "Legal");
        await WriteHistoryAsync();
        // As when a step commits between the check and the report: the report covers less than the chain held before it.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var covered = await db.AuditEvents.MaxAsync(e => e.Sequence);
            await trail.AppendAsync(db, "user:someone", "Procurement", null, [new AuditRecord("tender.note", "tender/x", new { })], CancellationToken.None);
            await trail.AppendAsync(db, "system:scheduler", "System", null,
                [new AuditRecord(AuditAnchorMail.SentAction, "audit/chain", new { sequence = covered, hash = "", recipients = 1 })], CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        _app.Clock.Advance(TimeSpan.FromHours(21));
        var sent = await RunAsync();

        Assert.True(sent!.Intact);
        var reports = Events(AuditAnchorMail.SentAction);
        Assert.Equal(2, reports.Count);
        Assert.Equal(sent.EventCount, reports[^1].Payload()["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_broken_chain_is_reported_again_the_next_day_even_when_nothing_else_was_written()
    {
        await _app.UserAsync("lea.jurist", "nl", "Legal");
        await WriteHistoryAsync();
        ChainForgery.ChangeActor(_app.ConnectionString, 2);
        Assert.False((await RunAsync())!.Intact);

        _app.Clock.Advance(TimeSpan.FromHours(21));

        Assert.False((await RunAsync())!.Intact);
        Assert.Equal(2, Events(AuditAnchorMail.BrokenAction).Count);
    }

    [Fact]
    public async Task A_broken_chain_is_reported_to_Legal_and_Admin_instead_of_an_anchor()
    {
        var lawyer = await _app.UserAsync("lea.jurist", "nl", "Legal");
        var admin = await _app.UserAsync("ad.beheer", "nl", "Admin");
        await WriteHistoryAsync();
        ChainForgery.ChangeActor(_app.ConnectionString, 2);

        var report = await RunAsync();

        Assert.False(report!.Intact);
        Assert.Empty(Notifications(AuditAnchorMail.AnchorKind));
        var alerts = Notifications(AuditAnchorMail.BrokenKind);
        Assert.Equal(new[] { lawyer.Id, admin.Id }.Order(StringComparer.Ordinal), alerts.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.All(alerts, n => Assert.StartsWith("De auditketen is VERBROKEN bij gebeurtenis 2", n.TextNl, StringComparison.Ordinal));
        Assert.Equal(2, Assert.Single(Events(AuditAnchorMail.BrokenAction)).Payload()["brokenAtSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task Without_a_Legal_user_nothing_is_sent_or_recorded()
    {
        await WriteHistoryAsync();

        Assert.Null(await RunAsync());

        Assert.Empty(Notifications(AuditAnchorMail.AnchorKind));
        Assert.Empty(Events(AuditAnchorMail.SentAction));
    }

    [Fact]
    public void A_server_that_runs_jobs_schedules_the_anchor_every_morning_in_Dutch_time()
    {
        using var app = new TenderFlowFactory { RealJobs = true };

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == AuditAnchorSchedule.JobId);
        Assert.Equal(("0 6 * * *", "Europe/Amsterdam"), (job.Cron, job.TimeZoneId));
        Assert.Equal(typeof(AuditAnchorMail), job.Job.Type);
    }

    [Fact]
    public void A_server_that_runs_no_jobs_schedules_no_anchor()
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.DoesNotContain(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == AuditAnchorSchedule.JobId);
    }
}
