namespace TenderFlow.Domain.Tenders;

/// <summary>
/// A tender run on one pinned procedure definition. <see cref="Phase"/> is the Stateless machine's
/// external state: there is no second place where the phase lives.
/// </summary>
public sealed class Tender
{
    public Guid Id { get; init; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public required string DefinitionHash { get; init; }
    public required string Phase { get; set; }
    public DateTime PhaseEnteredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public string? Outcome { get; set; }

    /// <summary>Set when Procurement announces the tender publicly; until then only staff see it.</summary>
    public DateTime? AnnouncedAtUtc { get; set; }
    public bool IsPublic => AnnouncedAtUtc is not null;
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Raised by every step; the optimistic-concurrency token that makes one of two racing steps lose.</summary>
    public long Revision { get; set; }

    /// <summary>
    /// When the earliest planned deadline job that has not run falls due; null when none is planned. Kept in the same
    /// transaction as every change of phase or date: the sweep and the job server look at this column, not at rows per job.
    /// </summary>
    public DateTime? NextDeadlineJobAtUtc { get; set; }

    /// <summary>The moment the tender's job-server wake-up is set for, so that it is not asked for twice.</summary>
    public DateTime? DeadlineWakeUpAtUtc { get; set; }

    public List<TenderDeadline> Deadlines { get; init; } = [];
    public List<DialogueTheme> Themes { get; init; } = [];

    public TenderDeadline? Deadline(string key) => Deadlines.FirstOrDefault(d => d.Key == key);
}
