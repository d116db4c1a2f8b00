using System.Collections.Concurrent;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>
/// Failed log-ins per network address. The account lockout stops guessing one account's password; it does not stop one
/// address trying a common password on many names, nor filling the append-only trail with failures. After
/// <see cref="FailuresPerWindow"/> failures within <see cref="Window"/> every log-in from that address is refused, the
/// right password too, until the oldest failure is out of the window. Only failures count: an office behind one address
/// signing in all morning is never refused. Held in memory, per server.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FailuresPerWindow = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Addresses kept before the ones with no failure in the window are forgotten.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a log-in attempt from <paramref name="address"/>, or refuses it (null) when the address has failed too often.
    /// The attempt counts as a failure from this moment until <see cref="Succeeded"/> takes it back: attempts sent all at
    /// once cannot each pass the check before any of their failures is counted. <paramref name="firstRefusal"/> tells
    /// whether the address was not refused before (the moment to record it once).
    /// </summary>
    public Attempt? Begin(string address, out bool firstRefusal)
    {
        firstRefusal = false;
        var now = clock.GetUtcNow();
        if (_byAddress.Count > PruneAbove)
        {
            Prune(now);
        }
        var failures = _byAddress.GetOrAdd(address, _ => new Failures());
        lock (failures)
        {
            failures.DropBefore(now - Window);
            if (failures.Moments.Count >= FailuresPerWindow)
            {
                firstRefusal = !failures.Refusing;
                failures.Refusing = true;
                return null;
            }
            failures.Refusing = false;
            failures.Moments.Add(now);
            return new Attempt(address, now);
        }
    }

    /// <summary>The attempt signed in: it no longer counts as a failure.</summary>
    public void Succeeded(Attempt attempt)
    {
        if (_byAddress.TryGetValue(attempt.Address, out var failures))
        {
            lock (failures)
            {
                failures.Moments.Remove(attempt.At);
            }
        }
    }

    /// <summary>A log-in attempt under way, counted as a failure until it succeeds.</summary>
    public readonly record struct Attempt(string Address, DateTimeOffset At);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, failures) in _byAddress)
        {
            lock (failures)
            {
                failures.DropBefore(now - Window);
                if (failures.Moments.Count == 0)
                {
                    _byAddress.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed class Failures
    {
        /// <summary>In the order the attempts began (the clock only moves on), so the oldest are first.</summary>
        public List<DateTimeOffset> Moments { get; } = [];
        public bool Refusing { get; set; }

        public void DropBefore(DateTimeOffset cutoff) => Moments.RemoveAll(m => m <= cutoff);
    }
}
