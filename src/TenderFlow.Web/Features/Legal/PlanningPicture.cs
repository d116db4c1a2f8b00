namespace TenderFlow.Web.Features.Legal;

/// <summary>A stretch of time the tender was in a phase (a phase re-entered, e.g. the dialogue reopened, has several).</summary>
public sealed record PhaseInterval(DateTime StartUtc, DateTime EndUtc);

/// <summary>One phase row: when it actually ran (empty when not reached) and the window the planning gave it (null when none).</summary>
public sealed record PhaseBar(
    string Id, string Title, IReadOnlyList<PhaseInterval> Actual, bool IsCurrent, DateTime? PlannedStartUtc, DateTime? PlannedEndUtc);

/// <summary>A deadline: the moment planned at the tender's creation and the moment it is due now (moved when they differ).</summary>
public sealed record DeadlineMark(string Key, string Title, DateTime? PlannedUtc, DateTime? CurrentUtc)
{
    public bool Moved => PlannedUtc is { } p && CurrentUtc is { } c && p != c;
}

/// <summary>Planned against actual for one tender, in UTC; the chart shows it in Amsterdam time.</summary>
public sealed record PlanningPicture(string Title, DateTime NowUtc, IReadOnlyList<PhaseBar> Phases, IReadOnlyList<DeadlineMark> Deadlines)
{
    /// <summary>Every moment in the picture, "now" included: the chart's time axis spans them.</summary>
    public IEnumerable<DateTime> Moments() =>
        Phases.SelectMany(p => p.Actual.SelectMany(a => new DateTime?[] { a.StartUtc, a.EndUtc }).Concat([p.PlannedStartUtc, p.PlannedEndUtc]))
            .Concat(Deadlines.SelectMany(d => new[] { d.PlannedUtc, d.CurrentUtc }))
            .Where(m => m is not null).Select(m => m!.Value).Append(NowUtc);
}
