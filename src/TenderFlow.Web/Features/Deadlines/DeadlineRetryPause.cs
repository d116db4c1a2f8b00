using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>
/// How long our sweep leaves a tender alone after its deadline jobs failed: the retry delays of <see cref="JobsOptions"/>
/// (10 s, 1 min, 5 min, …), at most 15 minutes so an incident still comes close to <see cref="JobsOptions.IncidentAfterMinutes"/>.
/// Without it the sweep retried a job that keeps failing every few seconds, each time taking the write lock and logging.
/// In memory: a restart tries once at once (the start-up reconciliation), as it should.
/// </summary>
public sealed class DeadlineRetryPause(TimeProvider clock, IOptions<JobsOptions> options)
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<Guid, (int Failures, DateTimeOffset NextAttempt)> _paused = new();

    public bool Waiting(Guid tenderId) => _paused.TryGetValue(tenderId, out var p) && clock.GetUtcNow() < p.NextAttempt;

    public void Failed(Guid tenderId)
    {
        var delays = options.Value.RetryDelaysSeconds is { Length: > 0 } configured ? configured : [10];
        _paused.AddOrUpdate(tenderId,
            _ => (1, clock.GetUtcNow() + Delay(delays, 0)),
            (_, p) => (p.Failures + 1, clock.GetUtcNow() + Delay(delays, p.Failures)));
    }

    public void Succeeded(Guid tenderId) => _paused.TryRemove(tenderId, out _);

    private static TimeSpan Delay(int[] delays, int failuresBefore)
    {
        var delay = TimeSpan.FromSeconds(delays[Math.Min(failuresBefore, delays.Length - 1)]);
        return delay < Longest ? delay : Longest;
    }
}
