namespace TenderFlow.Web.Features.Deadlines;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>Run a Hangfire server in this process. Off only where another instance runs the jobs (or in tests that drive them by hand).</summary>
    public bool Server { get; set; } = true;

    public int Workers { get; set; } = 4;

    /// <summary>Retries after a failed run before the job fails for good and raises an incident on the tender.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Seconds between retries; the last value repeats.</summary>
    public int[] RetryDelaysSeconds { get; set; } = [10, 60, 300, 900, 3600];

    /// <summary>How often Hangfire looks for due jobs. Its default (15 s per poll) makes a deadline job up to 30 s late.</summary>
    public double PollingSeconds { get; set; } = 1;

    /// <summary>How often our own sweep (independent of Hangfire) looks for jobs that are overdue.</summary>
    public double SweepSeconds { get; set; } = 10;

    /// <summary>How overdue a job must be before the sweep takes it rather than waiting for Hangfire's wake-up.</summary>
    public double SweepGraceSeconds { get; set; } = 5;

    /// <summary>
    /// Only jobs due within this many minutes get a Hangfire wake-up; the sweep gives later ones theirs as they come
    /// within reach. Deadlines are days or weeks away, and Hangfire's storage need not hold (and churn) all of them.
    /// </summary>
    public double WakeHorizonMinutes { get; set; } = 60;

    /// <summary>
    /// A deadline job still failing this many minutes after its moment raises an incident on the tender, whichever of the
    /// job server or our sweep tried it last (the job server also raises one when its retries are spent).
    /// </summary>
    public double IncidentAfterMinutes { get; set; } = 60;
}
