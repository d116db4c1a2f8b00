namespace TenderFlow.Benchmarks;

/// <summary>
/// Replaces <see cref="TimeProvider.System"/> so deadlines can pass between steps: the benchmark moves the clock
/// forward past roundClose / reviewDue instead of waiting weeks. Nothing else about a step changes.
/// </summary>
public sealed class BenchmarkClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
