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
    IReadOnlyList<CalendarOffset> Reminders);
