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
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string Key { get; init; }
    public required string TitleNl { get; set; }
    public required string TitleEn { get; set; }
    public DialogueThemeStatus Status { get; set; }
    public string? WaiverReason { get; set; }
    public string? AgreedOutcome { get; set; }
}
