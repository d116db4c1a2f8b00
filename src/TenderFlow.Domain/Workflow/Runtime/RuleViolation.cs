using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Runtime;

public enum RuleKind
{
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>A guard that does not hold, with the reason in words.</summary>
public sealed record UnmetGuard(string Guard, LocalizedText Explanation);

/// <summary>
/// A broken business rule: <see cref="Rule"/> names it (tests assert on it), <see cref="Kind"/> decides how the
/// API and portal report it. Mapped to ProblemDetails in one place in the host.
/// </summary>
public sealed record RuleViolation(string Rule, RuleKind Kind, LocalizedText Message, string? Field = null)
{
    public IReadOnlyList<UnmetGuard> UnmetGuards { get; init; } = [];
}

/// <summary>The rules of firing a trigger, each with its own name.</summary>
public static class StepRules
{
    public const int MaxReasonLength = 4000;

    public static RuleViolation UnknownTrigger(string trigger, WorkflowDefinition d) => new(
        "UnknownTriggerRule", RuleKind.NotFound,
        new($"De procedure {d.Id} v{d.Version} kent geen stap '{trigger}'.", $"Procedure {d.Id} v{d.Version} has no trigger '{trigger}'."));

    public static RuleViolation NotFromThisPhase(TriggerDefinition t, PhaseDefinition phase) => new(
        "TriggerNotAvailableInPhaseRule", RuleKind.Conflict,
        new($"'{t.Title.Nl}' kan niet in de fase '{phase.Title.Nl}'.", $"'{t.Title.En}' is not possible in phase '{phase.Title.En}'."));

    public static RuleViolation RoleMayNotFire(TriggerDefinition t) => new(
        "RoleMayNotFireTriggerRule", RuleKind.Forbidden,
        new($"Alleen {string.Join(", ", t.Roles)} mag '{t.Title.Nl}' uitvoeren.", $"Only {string.Join(", ", t.Roles)} may fire '{t.Title.En}'."));

    public static RuleViolation ReasonRequired(TriggerDefinition t) => new(
        "ReasonRequiredRule", RuleKind.Invalid,
        new($"Geef een reden op voor '{t.Title.Nl}'.", $"Give a reason for '{t.Title.En}'."), "reason");

    public static RuleViolation ReasonTooLong() => new(
        "ReasonTooLongRule", RuleKind.Invalid,
        new($"De reden is langer dan {MaxReasonLength} tekens.", $"The reason is longer than {MaxReasonLength} characters."), "reason");

    public static RuleViolation GuardsUnmet(TriggerDefinition t, IReadOnlyList<UnmetGuard> unmet) => new(
        "GuardsUnmetRule", RuleKind.Conflict,
        new($"'{t.Title.Nl}' kan nog niet: {string.Join(" ", unmet.Select(u => u.Explanation.Nl))}",
            $"'{t.Title.En}' is not possible yet: {string.Join(" ", unmet.Select(u => u.Explanation.En))}"))
    {
        UnmetGuards = unmet,
    };
}
