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
    [GeneratedRegex(@"^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?\z", RegexOptions.CultureInvariant)]
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
        // Ten years is longer than any period in a procedure; anything beyond is a typo, not a deadline.
        const long maxDays = 3660;
        long Part(int group) => !match.Groups[group].Success ? 0
            : long.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= maxDays * 24 * 60 ? n : -1;
        long weeks = Part(2), days = Part(3), hours = Part(4), minutes = Part(5);
        if (weeks < 0 || days < 0 || hours < 0 || minutes < 0 || ((weeks * 7 + days) * 24 + hours) * 60 + minutes > maxDays * 24 * 60)
        {
            return false;
        }
        offset = new CalendarOffset(match.Groups[1].Success, (int)(weeks * 7 + days), (int)hours, (int)minutes);
        return true;
    }

    public static CalendarOffset Parse(string text) =>
        TryParse(text, out var offset) ? offset : throw new FormatException($"'{text}' is not a duration such as P20D, -P7D or PT12H.");

    public DateTime ApplyTo(DateTime utc)
    {
        var sign = Negative ? -1 : 1;
        // Only whole days go through the local calendar: reading a time back from local time would move one in the
        // repeated autumn hour to its first (summer-time) occurrence.
        var shifted = Days == 0 ? utc : AmsterdamTime.ToUtcLenient(AmsterdamTime.ToLocal(utc).AddDays(sign * Days));
        return shifted.AddHours(sign * Hours).AddMinutes(sign * Minutes);
    }

    /// <summary>The same length in the other direction: a reminder "P7D" is seven calendar days before.</summary>
    public CalendarOffset Negated() => this with { Negative = !Negative };

    public override string ToString()
    {
        var time = Hours == 0 && Minutes == 0 ? "" : "T" + (Hours > 0 ? $"{Hours}H" : "") + (Minutes > 0 ? $"{Minutes}M" : "");
        return (Negative ? "-" : "") + "P" + (Days > 0 || time.Length == 0 ? $"{Days}D" : "") + time;
    }
}
