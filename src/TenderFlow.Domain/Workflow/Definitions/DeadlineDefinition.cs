namespace TenderFlow.Domain.Workflow.Definitions;

public enum DeadlineKind
{
    /// <summary>Set per tender by the procurement team (the usual case: dates are configuration, never code).</summary>
    Planned,
    /// <summary>A fixed moment written in the definition.</summary>
    Absolute,
    /// <summary>An offset from another deadline or from the moment a phase is entered.</summary>
    Relative,
}

public enum DeadlineRounding
{
    None,
    /// <summary>Moved to the end of that calendar day in Europe/Amsterdam (24:00), as calendar-day periods are counted.</summary>
    EndOfDay,
}

public sealed record DeadlineDefinition(
    string Id,
    LocalizedText Title,
    DeadlineKind Kind,
    DateTimeOffset? At,
    string? RelativeToDeadline,
    string? RelativeToPhaseEntered,
    CalendarOffset? Offset,
    DeadlineRounding Rounding,
    IReadOnlyList<CalendarOffset> Reminders)
{
    /// <summary>The phases in which this deadline is watched: its reminders, close and escalation jobs exist only while the tender is in one of them.</summary>
    public IReadOnlyList<string> ActiveIn { get; init; } = [];

    /// <summary>The trigger the scheduler fires (as role System) at the deadline, when the tender is in one of that trigger's phases.</summary>
    public string? Fires { get; init; }

    /// <summary>Who hears about this deadline (reminders, closing, changes): names from <see cref="DeadlineAudiences"/>.</summary>
    public IReadOnlyList<string> Notify { get; init; } = [DeadlineAudiences.Procurement];

    /// <summary>How long after the deadline a tender still in <see cref="ActiveIn"/> counts as overdue; Procurement is then told.</summary>
    public CalendarOffset? EscalateAfter { get; init; }

    /// <summary>Deadlines this one must come (strictly) after, once both have a moment: planning or moving it otherwise is refused.</summary>
    public IReadOnlyList<string> After { get; init; } = [];
}

/// <summary>The groups of people a deadline can concern; the host decides who is in each group for a tender.</summary>
public static class DeadlineAudiences
{
    public const string Procurement = "procurement";
    public const string Legal = "legal";
    public const string Evaluators = "evaluators";
    /// <summary>Organisations that showed interest: registered for the consultation, asked a question or applied.</summary>
    public const string Interested = "interested";
    /// <summary>Organisations that applied in the selection.</summary>
    public const string Candidates = "candidates";
    /// <summary>The organisations of the selected application (from the dialogue on).</summary>
    public const string Participant = "participant";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Procurement, Legal, Evaluators, Interested, Candidates, Participant };
}
