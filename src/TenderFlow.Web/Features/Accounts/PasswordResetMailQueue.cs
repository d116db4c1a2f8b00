using System.Threading.Channels;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>Reset mails waiting to be sent, at most <see cref="MailsPerAccountPerHour"/> per account, so nobody can flood a mailbox.</summary>
public sealed class PasswordResetMailQueue
{
    public const int MailsPerAccountPerHour = 3;

    private readonly Channel<string> _users = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, List<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    public ChannelReader<string> Reader => _users.Reader;

    public bool TryEnqueue(string userId, DateTimeOffset now)
    {
        lock (_sent)
        {
            var recent = _sent.TryGetValue(userId, out var list) ? list : _sent[userId] = [];
            recent.RemoveAll(at => now - at >= TimeSpan.FromHours(1));
            if (recent.Count >= MailsPerAccountPerHour)
            {
                return false;
            }
            recent.Add(now);
        }
        return _users.Writer.TryWrite(userId);
    }
}

/// <summary>Sends the queued reset mails, each in its own scope; a failure is logged and audited, never shown to the requester.</summary>
public sealed class PasswordResetMailer(PasswordResetMailQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetMailer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var userId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PasswordReset>().SendAsync(userId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The password reset mail for user {UserId} failed.", userId);
            }
        }
    }
}
