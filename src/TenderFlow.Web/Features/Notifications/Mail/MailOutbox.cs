using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Notifications;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Notifications.Mail;

public sealed record MailDeliveryCounts(int Sent, int Failed, int GaveUp)
{
    public int Total => Sent + Failed + GaveUp;
}

/// <summary>
/// The notification rows are the outbox: a row is pending while neither <see cref="Notification.MailedAtUtc"/> nor
/// <see cref="Notification.MailGaveUpAtUtc"/> is set. Notifications are written in the caller's transaction, so a rolled-back
/// action never leaves a row to mail. Each row is claimed before sending (an attempt is counted and the row is leased), so two
/// dispatchers do not send the same mail; a crash between handing over and recording it may send it once more (at least once).
/// </summary>
public sealed class MailOutbox(TenderFlowDbContext db, IMailTransport transport, MailComposer composer, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<MailOutbox> logger)
{
    /// <summary>How long a claimed row stays claimed before another run may try it again (the send itself times out sooner).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LongestBackOff = TimeSpan.FromHours(4);

    private const string CancelledOutcome = "cancelled";

    private sealed record Pending(Notification Notification, string? Address, string? DisplayName, string? Language, bool UserExists, string? TenderReference,
        DateTime? TenderCancelledAtUtc);

    public async Task<MailDeliveryCounts> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = Now;
        var batch = await (
                from n in db.Notifications.AsNoTracking()
                where n.MailedAtUtc == null && n.MailGaveUpAtUtc == null && (n.MailNextAttemptAtUtc == null || n.MailNextAttemptAtUtc <= now)
                join u in db.Users on n.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                join t in db.Tenders on n.TenderId equals (Guid?)t.Id into tenders
                from t in tenders.DefaultIfEmpty()
                orderby n.CreatedAtUtc, n.Id
                select new Pending(n, u == null ? null : u.Email, u == null ? null : u.DisplayName, u == null ? null : u.PreferredLanguage, u != null,
                    t == null ? null : t.Reference, t != null && t.Outcome == CancelledOutcome ? t.ClosedAtUtc : null))
            .Take(o.BatchSize).ToListAsync(cancellationToken);

        int sent = 0, failed = 0, gaveUp = 0;
        foreach (var pending in batch)
        {
            var outcome = await DeliverAsync(pending, o, cancellationToken);
            sent += outcome == Outcome.Sent ? 1 : 0;
            failed += outcome == Outcome.Failed ? 1 : 0;
            gaveUp += outcome == Outcome.GaveUp ? 1 : 0;
        }
        return new MailDeliveryCounts(sent, failed, gaveUp);
    }

    private enum Outcome
    {
        Sent,
        Failed,
        GaveUp,
        Skipped,
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Outcome> DeliverAsync(Pending pending, MailOptions o, CancellationToken cancellationToken)
    {
        var n = pending.Notification;
        var notMailable = !pending.UserExists ? "The recipient no longer exists."
            : string.IsNullOrWhiteSpace(pending.Address) ? "The recipient has no e-mail address."
            : Now - n.CreatedAtUtc > TimeSpan.FromHours(o.MaxAgeHours) ? $"Older than Mail:MaxAgeHours ({o.MaxAgeHours} h) when first due."
            // A deadline message still waiting when the tender was cancelled would tell bidders to act on a deadline that no
            // longer exists. (A tender that ends as planned keeps its messages: the contract start's among them.)
            : pending.TenderCancelledAtUtc is { } cancelled && n.CreatedAtUtc <= cancelled && n.Kind.StartsWith("deadline.", StringComparison.Ordinal)
                ? "The tender was cancelled: a deadline message no longer applies."
            : null;
        if (notMailable is not null)
        {
            logger.LogInformation("Notification {NotificationId} ({Kind}) is not mailed: {Reason}", n.Id, n.Kind, notMailable);
            return await GiveUpAsync(n.Id, notMailable, cancellationToken) ? Outcome.GaveUp : Outcome.Skipped;
        }
        if (!await ClaimAsync(n.Id, cancellationToken))
        {
            return Outcome.Skipped;
        }
        var attempt = n.MailAttempts + 1;
        try
        {
            var recipient = new MailRecipient(pending.Address!, pending.DisplayName ?? "", pending.Language == "en" ? "en" : "nl");
            var message = composer.Compose(n, recipient, pending.TenderReference, Now);
            await transport.SendAsync(new OutgoingMail(n.Id, message), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the next run tries again.
            throw;
        }
        catch (Exception e)
        {
            return await RecordFailureAsync(n, attempt, o, e, cancellationToken);
        }
        // Recorded without the caller's token: the mail is out, forgetting that would send it again.
        var mailedAt = Now;
        await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MailedAtUtc, mailedAt)
            .SetProperty(x => x.MailError, (string?)null)
            .SetProperty(x => x.MailNextAttemptAtUtc, (DateTime?)null), CancellationToken.None);
        return Outcome.Sent;
    }

    /// <summary>Counts the attempt and leases the row, only if it is still pending and due (another dispatcher may have taken it).</summary>
    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var leasedUntil = now + Lease;
        return await db.Notifications
            .Where(x => x.Id == id && x.MailedAtUtc == null && x.MailGaveUpAtUtc == null && (x.MailNextAttemptAtUtc == null || x.MailNextAttemptAtUtc <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MailAttempts, x => x.MailAttempts + 1)
                .SetProperty(x => x.MailNextAttemptAtUtc, leasedUntil), cancellationToken) == 1;
    }

    private async Task<bool> GiveUpAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.Notifications.Where(x => x.Id == id && x.MailedAtUtc == null && x.MailGaveUpAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MailGaveUpAtUtc, now)
                .SetProperty(x => x.MailError, reason)
                .SetProperty(x => x.MailNextAttemptAtUtc, (DateTime?)null), cancellationToken) == 1;
    }

    private async Task<Outcome> RecordFailureAsync(Notification n, int attempt, MailOptions o, Exception e, CancellationToken cancellationToken)
    {
        var error = Shorten($"{e.GetType().Name}: {e.Message}");
        // Given up by age, not by a count of attempts: the doubling waits reach their 4 h cap, and a mail keeps being tried
        // through an outage of up to Mail:RetryHours, the last time exactly then.
        var lastChance = n.CreatedAtUtc + TimeSpan.FromHours(o.RetryHours);
        if (Now >= lastChance)
        {
            logger.LogError(e, "E-mail for notification {NotificationId} ({Kind}) failed {Attempts} times in {RetryHours} h; giving up. The portal inbox still has it.",
                n.Id, n.Kind, attempt, o.RetryHours);
            await GiveUpAsync(n.Id, $"Gave up after {attempt} attempts in {o.RetryHours} h (Mail:RetryHours). {error}", cancellationToken);
            return Outcome.GaveUp;
        }
        var backedOff = Now + BackOff(attempt);
        var next = backedOff < lastChance ? backedOff : lastChance;
        logger.LogWarning(e, "E-mail for notification {NotificationId} ({Kind}) failed (attempt {Attempt}); next attempt at {NextAttemptUtc:O}.", n.Id, n.Kind, attempt, next);
        await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MailError, error)
            .SetProperty(x => x.MailNextAttemptAtUtc, next), cancellationToken);
        return Outcome.Failed;
    }

    /// <summary>1, 2, 4, 8 … minutes after the failed attempt, at most <see cref="LongestBackOff"/>.</summary>
    public static TimeSpan BackOff(int attempt) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempt - 1)), LongestBackOff.TotalMinutes));

    private static string Shorten(string value) => value.Length <= 1000 ? value : value[..999] + "…";
}
