namespace TenderFlow.Domain.Tenders;

public enum DialogueThemeStatus
{
    Open,
    Agreed,
    Closed,
    Waived,
}

public sealed class DialogueTheme
{
    /// <summary>An agreed outcome is carried into the final specification, whose sections hold at most 20,000 characters.</summary>
    public const int MaxOutcomeLength = 8000;
    public const int MaxReasonLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string Key { get; init; }
    public required string TitleNl { get; set; }
    public required string TitleEn { get; set; }
    public DialogueThemeStatus Status { get; set; }
    public string? WaiverReason { get; set; }
    public string? AgreedOutcome { get; set; }

    /// <summary>Null for the themes the definition opens; the user who added a theme during the dialogue.</summary>
    public string? AddedByUserId { get; set; }
    public DateTime? AddedAtUtc { get; set; }
    public DateTime? AgreedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Closed or waived: read-only until Procurement reopens it.</summary>
    public bool IsSettled => Status is DialogueThemeStatus.Closed or DialogueThemeStatus.Waived;

    /// <summary>Added, agreed, closed or waived after <paramref name="moment"/>: a text written before then does not know its outcome.</summary>
    public bool ChangedAfter(DateTime moment) => AddedAtUtc > moment || AgreedAtUtc > moment || ClosedAtUtc > moment;
}
