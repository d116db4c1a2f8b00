using System.Globalization;
using System.Text.RegularExpressions;
using TenderFlow.Domain.Time;

namespace TenderFlow.Domain.Workflow.Definitions;

/// <summary>
/// A signed ISO 8601 duration limited to weeks, days, hours and minutes ("P20D", "-P7D", "PT36H").
/// Weeks and days are calendar days in Europe/Amsterdam, so "P1D" across a clock change is 23 or 25 hours;
/// months and years are refused because their length is ambiguous in a legal period.
/// </summary>
public sealed partial record CalendarOffset(bool Negative, int Days, int Hours, int Minutes)
{
    [GeneratedRegex(@"^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out CalendarOffset offset)
    {
        offset = new CalendarOffset(false, 0, 0, 0);
        if (string.IsNullOrEmpty(text) || text.EndsWith('T'))
        {
            return false;
        }
        var match = Pattern().Match(text);
        if (!match.Success || text.TrimStart('-') == "P")
        {
            return false;
        }
        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        offset = new CalendarOffset(match.Groups[1].Success, Part(2) * 7 + Part(3), Part(4), Part(5));
        return true;
    }

    public static CalendarOffset Parse(string text) =>
        TryParse(text, out var offset) ? offset : throw new FormatException($"'{text}' is not a duration such as P20D, -P7D or PT12H.");

    public DateTime ApplyTo(DateTime utc)
    {
        var sign = Negative ? -1 : 1;
        var local = AmsterdamTime.ToLocal(utc).AddDays(sign * Days);
        var shifted = AmsterdamTime.ToUtcLenient(local);
        return shifted.AddHours(sign * Hours).AddMinutes(sign * Minutes);
    }

    public override string ToString()
    {
        var time = Hours == 0 && Minutes == 0 ? "" : "T" + (Hours > 0 ? $"{Hours}H" : "") + (Minutes > 0 ? $"{Minutes}M" : "");
        return (Negative ? "-" : "") + "P" + (Days > 0 || time.Length == 0 ? $"{Days}D" : "") + time;
    }
}
