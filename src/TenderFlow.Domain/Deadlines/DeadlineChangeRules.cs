using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Deadlines;

/// <summary>The rules of changing a deadline, each with its own name.</summary>
public static class DeadlineChangeRules
{
    public const int MaxReasonLength = 4000;

    public static RuleViolation UnknownDeadline(string key) => new(
        "UnknownDeadlineRule", RuleKind.NotFound,
        new($"Deze aanbesteding heeft geen termijn '{key}'.", $"This tender has no deadline '{key}'."));

    public static RuleViolation NotPlanned(DeadlineDefinition d) => new(
        "DeadlineNotPlannedRule", RuleKind.Conflict,
        new($"'{d.Title.Nl}' wordt berekend en volgt zijn basis; wijzig de termijn waarvan hij afhangt.",
            $"'{d.Title.En}' is computed and follows its base; change the deadline it depends on."));

    public static RuleViolation TenderEnded(PhaseDefinition phase) => new(
        "TenderEndedRule", RuleKind.Conflict,
        new($"De aanbesteding is afgesloten ({phase.Title.Nl}); termijnen kunnen niet meer worden gewijzigd.",
            $"The tender has ended ({phase.Title.En}); deadlines can no longer be changed."));

    public static RuleViolation ReasonRequired() => new(
        "DeadlineChangeReasonRequiredRule", RuleKind.Invalid,
        new("Geef een reden op voor de wijziging van de termijn; alle betrokkenen krijgen die te zien.",
            "Give a reason for changing the deadline; everyone concerned will see it."), "reason");

    public static RuleViolation ReasonTooLong() => new(
        "DeadlineChangeReasonTooLongRule", RuleKind.Invalid,
        new($"De reden is langer dan {MaxReasonLength} tekens.", $"The reason is longer than {MaxReasonLength} characters."), "reason");

    public static RuleViolation Passed(DeadlineDefinition d, DateTime dueUtc) => new(
        "DeadlinePassedRule", RuleKind.Conflict,
        new($"'{d.Title.Nl}' is verstreken ({AmsterdamMoment.Show(dueUtc)}) en kan niet meer worden gewijzigd.",
            $"'{d.Title.En}' has passed ({AmsterdamMoment.Show(dueUtc)}) and can no longer be changed."));

    public static RuleViolation PassedAndWindowClosed(DeadlineDefinition d, DateTime dueUtc, PhaseDefinition phase) => new(
        "DeadlinePassedRule", RuleKind.Conflict,
        new($"'{d.Title.Nl}' is verstreken ({AmsterdamMoment.Show(dueUtc)}) en de aanbesteding is al door naar de fase '{phase.Title.Nl}': ook na een platformstoring kan deze termijn niet meer worden verlengd.",
            $"'{d.Title.En}' has passed ({AmsterdamMoment.Show(dueUtc)}) and the tender has moved on to phase '{phase.Title.En}': even after a platform outage this deadline can no longer be extended."));

    public static RuleViolation NotInFuture(DateTime newUtc) => new(
        "DeadlineNotInFutureRule", RuleKind.Invalid,
        new($"Het nieuwe moment ({AmsterdamMoment.Show(newUtc)}) ligt niet in de toekomst.", $"The new moment ({AmsterdamMoment.Show(newUtc)}) is not in the future."), "dueAt");

    /// <summary>A deadline planned at creation that has already passed: it would bind the tender from its first day.</summary>
    public static RuleViolation PlannedNotInFuture(DeadlineDefinition deadline, DateTime dueUtc, string field) => new(
        "DeadlineNotInFutureRule", RuleKind.Invalid,
        new($"'{deadline.Title.Nl}' ({AmsterdamMoment.Show(dueUtc)}) ligt niet in de toekomst; plan een moment dat nog moet komen.",
            $"'{deadline.Title.En}' ({AmsterdamMoment.Show(dueUtc)}) is not in the future; plan a moment still to come."), field);

    public static RuleViolation Unchanged(DateTime dueUtc) => new(
        "DeadlineUnchangedRule", RuleKind.Invalid,
        new($"De termijn staat al op {AmsterdamMoment.Show(dueUtc)}.", $"The deadline is already {AmsterdamMoment.Show(dueUtc)}."), "dueAt");

    public static RuleViolation OutageMustExtend(DeadlineDefinition d, DateTime oldUtc) => new(
        "OutageExtensionMustExtendRule", RuleKind.Invalid,
        new($"Na een platformstoring kan '{d.Title.Nl}' alleen worden verlengd: kies een moment na {AmsterdamMoment.Show(oldUtc)}.",
            $"After a platform outage '{d.Title.En}' can only be extended: choose a moment after {AmsterdamMoment.Show(oldUtc)}."), "dueAt");
}
