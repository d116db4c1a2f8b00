namespace TenderFlow.Domain.Award;

/// <summary>The contract as awarded: start date, base term and extension options (years each) within an optional maximum.</summary>
public sealed class ContractRecord
{
    public Guid TenderId { get; init; }
    public DateOnly StartDate { get; set; }
    public int BaseTermYears { get; set; }

    /// <summary>The years of each extension option in order, e.g. "2,2,2" for 3 × 2 years.</summary>
    public string OptionYears { get; set; } = "";
    public int? MaximumTermYears { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    public IReadOnlyList<int> Options => OptionYears.Length == 0 ? [] : OptionYears.Split(',').Select(int.Parse).ToList();

    public int TotalTermYears => BaseTermYears + Options.Sum();
}

/// <summary>A decision to exercise (or not) extension option <see cref="Option"/> (1-based), with the reasons.</summary>
public sealed class ExtensionDecision
{
    public const int MaxReasonLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public int Option { get; init; }
    public bool Exercised { get; init; }
    public required string Reason { get; init; }
    public required string DecidedByUserId { get; init; }
    public DateTime DecidedAtUtc { get; init; }
}
