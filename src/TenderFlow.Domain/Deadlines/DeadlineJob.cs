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
    Done,
    /// <summary>Ran, but there was nothing left to do (a reminder whose deadline had passed meanwhile).</summary>
    Skipped,
}

/// <summary>
/// One deadline job that ran, keyed by tender + deadline + kind + offset + the deadline's due time. Jobs that have not run
/// are not stored: they follow from the tender's phase and dates (<see cref="DeadlineJobPlan"/>). The row is written in the
/// same transaction as the job's work, and its unique key makes a job delivered twice, or by two servers, act once.
/// </summary>
public sealed class DeadlineJob
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string DeadlineKey { get; init; }
    public DeadlineJobKind Kind { get; init; }

    /// <summary>The reminder or escalation offset as written in the definition ("P7D"); empty for the close job.</summary>
    public required string Offset { get; init; }

    /// <summary>The deadline's due moment this job was planned for.</summary>
    public DateTime DeadlineDueAtUtc { get; init; }
    public DateTime RunAtUtc { get; init; }
    public DeadlineJobState State { get; set; }
    public DateTime CompletedAtUtc { get; init; }

    /// <summary>How late the job ran, in milliseconds after <see cref="RunAtUtc"/>.</summary>
    public long LatenessMilliseconds { get; init; }

    /// <summary>What happened, in English for operators: "fired closeApplications", "skipped: the deadline passed first".</summary>
    public string? Outcome { get; set; }

    public bool IsFor(PlannedDeadlineJob plan) =>
        DeadlineKey == plan.DeadlineKey && Kind == plan.Kind && Offset == plan.Offset && DeadlineDueAtUtc == plan.DeadlineDueAtUtc;
}
