namespace TenderFlow.Domain.Selection;

/// <summary>The candidate's answer to one selection condition (<see cref="SelectionConditions"/>): complies yes/no, with an explanation.</summary>
public sealed class ApplicationAnswer
{
    public const int MaxExplanationLength = 4000;

    public Guid ApplicationId { get; init; }
    public required string Condition { get; init; }
    public bool Complies { get; set; }
    public required string Explanation { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
}
