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

    /// <summary>Whether this address is refused now; <paramref name="firstRefusal"/> tells whether it was not refused before (the moment to record it once).</summary>
    public bool Refuses(string address, out bool firstRefusal)
    {
        firstRefusal = false;
        if (!_byAddress.TryGetValue(address, out var failures))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        lock (failures)
        {
            failures.DropBefore(now - Window);
            if (failures.Moments.Count < FailuresPerWindow)
            {
                failures.Refusing = false;
                return false;
            }
            firstRefusal = !failures.Refusing;
            failures.Refusing = true;
            return true;
        }
    }

    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        if (_byAddress.Count > PruneAbove)
        {
            Prune(now);
        }
        var failures = _byAddress.GetOrAdd(address, _ => new Failures());
        lock (failures)
        {
            failures.DropBefore(now - Window);
            failures.Moments.Enqueue(now);
        }
    }

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
        public Queue<DateTimeOffset> Moments { get; } = new();
        public bool Refusing { get; set; }

        public void DropBefore(DateTimeOffset cutoff)
        {
            while (Moments.TryPeek(out var oldest) && oldest <= cutoff)
            {
                Moments.Dequeue();
            }
        }
    }
}
