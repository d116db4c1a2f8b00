namespace TenderFlow.Domain.Deadlines;

public enum DeadlineJobKind
{
    /// <summary>Before the deadline, to the people it concerns.</summary>
    Reminder,
    /// <summary>At the deadline: recorded as passed, announced, and the definition's trigger fired.</summary>
    Close,
    /// <summary>After the deadline, when the tender is still in the phase: Procurement is told the phase is overdue.</summary>
    Escalation,
}

public enum DeadlineJobState
{
    Scheduled,
    Done,
    /// <summary>Ran, but the tender had moved on or the date had changed: nothing was done.</summary>
    Skipped,
    /// <summary>No longer wanted (phase left, date changed) before it ran.</summary>
    Cancelled,
}

/// <summary>
/// One deadline job, keyed by tender + deadline + kind + offset + the deadline's due time. The row, not the Hangfire job,
/// is the truth: a Hangfire job only wakes the runner, which claims the row (Scheduled → Done) in the same transaction
/// as the work, so a job delivered twice, or by two servers, acts once.
/// </summary>
public sealed class DeadlineJob
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string DeadlineKey { get; init; }
    public DeadlineJobKind Kind { get; init; }

    /// <summary>The reminder or escalation offset as written in the definition ("P7D"); empty for the close job.</summary>
    public required string Offset { get; init; }

    /// <summary>The deadline's due moment this job was planned for; a job whose deadline has since moved does nothing.</summary>
    public DateTime DeadlineDueAtUtc { get; init; }
    public DateTime RunAtUtc { get; init; }
    public DeadlineJobState State { get; set; }
    public string? HangfireJobId { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>How late the job ran, in milliseconds after <see cref="RunAtUtc"/>.</summary>
    public long? LatenessMilliseconds { get; set; }

    /// <summary>What happened, in English for operators: "fired closeApplications", "skipped: phase moved on".</summary>
    public string? Outcome { get; set; }
}
