using System.Globalization;
using System.Text.RegularExpressions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Time;

/// <summary>An entered moment that was accepted, or the rule it broke.</summary>
public sealed record MomentInput(DateTime? Utc, RuleViolation? Violation);

/// <summary>
/// Reads a moment a person or API caller entered. Without an offset it is Amsterdam local time, which must exist
/// (spring-forward night) and be unambiguous (autumn night: the caller adds the offset to choose). With an offset it
/// must be UTC or Amsterdam's own offset at that instant, so nobody plans a deadline in another country's clock by mistake.
/// </summary>
public static partial class AmsterdamMoment
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>Z|[+-]\d{2}:\d{2})?\z")]
    private static partial Regex Pattern();

    public static MomentInput Parse(string? text, string field)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !TryLocal(match.Groups["local"].Value, out var local))
        {
            return new(null, TimeRules.BadFormat(text, field));
        }
        // Far outside the range the conversions below could fall off the calendar; near it, the Amsterdam reading decides.
        if (local.Year is < FirstYear - 1 or > LastYear + 1)
        {
            return new(null, TimeRules.OutOfRange(local, field));
        }
        MomentInput read;
        if (!match.Groups["offset"].Success)
        {
            read = FromLocal(local, field);
        }
        else if (!TryOffset(match.Groups["offset"].Value, out var offset))
        {
            return new(null, TimeRules.BadFormat(text, field));
        }
        else
        {
            var moment = new DateTimeOffset(local, offset);
            read = CheckOffset(moment, field) is { } violation ? new(null, violation) : new(moment.UtcDateTime, null);
        }
        return read.Utc is { } utc && CheckRange(AmsterdamTime.ToLocal(utc), field) is { } outOfRange ? new(null, outOfRange) : read;
    }

    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    /// <summary>
    /// Refuses an Amsterdam local time outside <see cref="FirstYear"/>–<see cref="LastYear"/>: such a date is a typing error
    /// in a tender, and deadlines, reminders and escalations computed from it (offsets of up to ten years) must stay on the calendar.
    /// </summary>
    private static RuleViolation? CheckRange(DateTime amsterdam, string field) =>
        amsterdam.Year is >= FirstYear and <= LastYear ? null : TimeRules.OutOfRange(amsterdam, field);

    /// <summary>A moment given with its offset: within the years a tender plans in (read in Amsterdam, as <see cref="Parse"/> reads it), and in UTC or Amsterdam's offset.</summary>
    public static RuleViolation? Check(DateTimeOffset moment, string field) =>
        (moment.Year is < FirstYear - 1 or > LastYear + 1 ? TimeRules.OutOfRange(moment.DateTime, field) : CheckRange(AmsterdamTime.ToLocal(moment.UtcDateTime), field))
        ?? CheckOffset(moment, field);

    /// <summary>Refuses an offset that is neither UTC nor Amsterdam's actual offset at that instant.</summary>
    public static RuleViolation? CheckOffset(DateTimeOffset moment, string field)
    {
        if (moment.Offset == TimeSpan.Zero)
        {
            return null;
        }
        var amsterdam = AmsterdamTime.Zone.GetUtcOffset(moment.UtcDateTime);
        return moment.Offset == amsterdam ? null : TimeRules.OffsetNotAmsterdam(moment, amsterdam, field);
    }

    /// <summary>The two moments an ambiguous local time can mean, first (summer time) first; empty when it is not ambiguous.</summary>
    public static IReadOnlyList<DateTimeOffset> Candidates(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return AmsterdamTime.Zone.IsAmbiguousTime(local)
            ? AmsterdamTime.Zone.GetAmbiguousTimeOffsets(local).OrderDescending().Select(o => new DateTimeOffset(local, o)).ToList()
            : [];
    }

    /// <summary>"31-10-2027 02:30 (+01:00)": Amsterdam time with the offset, so a moment in the doubled autumn hour is unmistakable.</summary>
    public static string Show(DateTime utc)
    {
        var local = AmsterdamTime.ToLocalOffset(utc);
        return $"{local.ToString(AmsterdamTime.TimePattern(local.DateTime, "dd-MM-yyyy HH:mm"), Invariant)} ({FormatOffset(local.Offset)})";
    }

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", Invariant);

    /// <summary>The local date-time as the API takes it, with the offset: "2027-10-31T02:30+01:00".</summary>
    public static string ToIso(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm", Invariant) + FormatOffset(moment.Offset);

    private static MomentInput FromLocal(DateTime local, string field)
    {
        var zone = AmsterdamTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            var (from, to) = Gap(local);
            return new(null, TimeRules.Nonexistent(local, from, to, field));
        }
        if (zone.IsAmbiguousTime(local))
        {
            return new(null, TimeRules.Ambiguous(local, Candidates(local), field));
        }
        return new(TimeZoneInfo.ConvertTimeToUtc(local, zone), null);
    }

    /// <summary>The local times the clock skips around <paramref name="local"/>: it jumps from <c>from</c> to <c>to</c>.</summary>
    private static (DateTime From, DateTime To) Gap(DateTime local)
    {
        var from = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
        while (AmsterdamTime.Zone.IsInvalidTime(from.AddMinutes(-1)))
        {
            from = from.AddMinutes(-1);
        }
        var to = from;
        while (AmsterdamTime.Zone.IsInvalidTime(to))
        {
            to = to.AddMinutes(1);
        }
        return (from, to);
    }

    private static bool TryLocal(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"], Invariant, DateTimeStyles.None, out local);

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text == "Z")
        {
            return true;
        }
        var hours = int.Parse(text.AsSpan(1, 2), Invariant);
        var minutes = int.Parse(text.AsSpan(4, 2), Invariant);
        // Offsets run from -14:00 to +14:00 (DateTimeOffset refuses anything beyond).
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }
}
