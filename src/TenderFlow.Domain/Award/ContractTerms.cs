using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Award;

/// <summary>The rules a contract record must meet.</summary>
public static class ContractTerms
{
    public const int MaxYears = 30;
    public const int MaxOptions = 10;

    public static RuleViolation? Check(DateOnly start, int baseYears, IReadOnlyList<int> options, int? maximum, DateOnly finalAwardDate)
    {
        if (start < finalAwardDate)
        {
            return new RuleViolation("ContractStartBeforeAwardRule", RuleKind.Invalid,
                new($"De ingangsdatum moet op of na de datum van definitieve gunning ({finalAwardDate:yyyy-MM-dd}) liggen.",
                    $"The start date must be on or after the final award date ({finalAwardDate:yyyy-MM-dd})."), "startDate");
        }
        if (baseYears < 1 || baseYears > MaxYears)
        {
            return new RuleViolation("ContractTermRule", RuleKind.Invalid,
                new($"De basislooptijd moet tussen 1 en {MaxYears} jaar liggen.", $"The base term must be between 1 and {MaxYears} years."), "baseTermYears");
        }
        if (options.Count > MaxOptions || options.Any(o => o < 1 || o > MaxYears))
        {
            return new RuleViolation("ContractOptionRule", RuleKind.Invalid,
                new($"Hoogstens {MaxOptions} verlengingsopties, elk van 1 tot {MaxYears} jaar.", $"At most {MaxOptions} extension options, each of 1 to {MaxYears} years."), "extensionOptions");
        }
        if (maximum is { } max && (max < 1 || max > MaxYears * 2))
        {
            return new RuleViolation("ContractTermRule", RuleKind.Invalid,
                new("De maximale looptijd is ongeldig.", "The maximum term is invalid."), "maximumTermYears");
        }
        var total = baseYears + options.Sum();
        if (maximum is { } limit && total > limit)
        {
            return new RuleViolation("ContractMaximumTermRule", RuleKind.Invalid,
                new($"Basislooptijd plus opties ({total} jaar) is langer dan de maximale looptijd ({limit} jaar).",
                    $"Base term plus options ({total} years) exceeds the maximum term ({limit} years)."), "maximumTermYears");
        }
        return null;
    }
}
