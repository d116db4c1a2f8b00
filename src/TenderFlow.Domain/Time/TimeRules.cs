using System.Globalization;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Time;

/// <summary>The rules of entering a moment, each with its own name.</summary>
public static class TimeRules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static RuleViolation BadFormat(string? text, string field) => new(
        "MomentFormatRule", RuleKind.Invalid,
        new($"'{text}' is geen geldig moment. Gebruik bijvoorbeeld 2027-06-01T12:00 (Nederlandse tijd) of 2027-06-01T12:00+02:00.",
            $"'{text}' is not a valid moment. Use e.g. 2027-06-01T12:00 (Amsterdam time) or 2027-06-01T12:00+02:00."), field);

    public static RuleViolation Nonexistent(DateTime local, DateTime gapFrom, DateTime gapTo, string field) => new(
        "NonexistentLocalTimeRule", RuleKind.Invalid,
        new($"{Day(local)} {Clock(local)} bestaat niet in Nederlandse tijd: de klok gaat die nacht van {Clock(gapFrom)} naar {Clock(gapTo)}. Kies een ander tijdstip.",
            $"{Day(local)} {Clock(local)} does not exist in Amsterdam time: the clocks go forward from {Clock(gapFrom)} to {Clock(gapTo)} that night. Choose another time."), field);

    public static RuleViolation Ambiguous(DateTime local, IReadOnlyList<DateTimeOffset> candidates, string field)
    {
        var first = AmsterdamMoment.FormatOffset(candidates[0].Offset);
        var second = AmsterdamMoment.FormatOffset(candidates[1].Offset);
        return new("AmbiguousLocalTimeRule", RuleKind.Invalid,
            new($"{Day(local)} {Clock(local)} bestaat twee keer in Nederlandse tijd: de klok gaat die nacht een uur terug. Kies {first} (de eerste keer, zomertijd) of {second} (de tweede keer, wintertijd).",
                $"{Day(local)} {Clock(local)} occurs twice in Amsterdam time: the clocks go back one hour that night. Choose {first} (the first time, summer time) or {second} (the second time, winter time)."), field);
    }

    public static RuleViolation OutOfRange(DateTime moment, string field) => new(
        "MomentOutOfRangeRule", RuleKind.Invalid,
        new($"{Day(moment)} ligt buiten de jaren {AmsterdamMoment.FirstYear}–{AmsterdamMoment.LastYear}. Controleer het jaartal.",
            $"{Day(moment)} is outside the years {AmsterdamMoment.FirstYear}–{AmsterdamMoment.LastYear}. Check the year."), field);

    public static RuleViolation OffsetNotAmsterdam(DateTimeOffset moment, TimeSpan amsterdam, string field)
    {
        var given = AmsterdamMoment.FormatOffset(moment.Offset);
        var expected = AmsterdamMoment.FormatOffset(amsterdam);
        return new("OffsetNotAmsterdamRule", RuleKind.Invalid,
            new($"De tijdzone {given} is niet die van Nederland op dat moment ({expected}). Geef de tijd in Nederlandse tijd ({expected}) of in UTC (Z).",
                $"The offset {given} is not Amsterdam's at that moment ({expected}). Give the time in Amsterdam time ({expected}) or in UTC (Z)."), field);
    }

    private static string Day(DateTime local) => local.ToString("dd-MM-yyyy", Invariant);

    private static string Clock(DateTime local) => local.ToString("HH:mm", Invariant);
}
