namespace TenderFlow.Domain.Time;

/// <summary>Stored times are UTC; people decide and read them in Europe/Amsterdam.</summary>
public static class AmsterdamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// For computed moments: a local time that does not exist (spring-forward) moves forward by the gap,
    /// one that exists twice (autumn) takes the first (summer-time) occurrence.
    /// </summary>
    public static DateTime ToUtcLenient(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            return DateTime.SpecifyKind(local - summer, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>24:00 Amsterdam of the calendar day the moment falls on.</summary>
    public static DateTime EndOfDayUtc(DateTime utc) => ToUtcLenient(ToLocal(utc).Date.AddDays(1));

    /// <summary>
    /// "yyyy-MM-dd HH:mm", with the seconds when there are any, and the offset when that night's clock change makes the
    /// local time occur twice.
    /// </summary>
    public static string Format(DateTime utc) => Show(utc, local => TimePattern(local, "yyyy-MM-dd HH:mm"));

    /// <summary>
    /// "yyyy-MM-dd HH:mm:ss" for when something happened (audit events, reads, phase changes): always with seconds, so a
    /// column of them reads alike, and with the offset in the repeated autumn hour.
    /// </summary>
    public static string FormatInstant(DateTime utc) => Show(utc, _ => "yyyy-MM-dd HH:mm:ss");

    private static string Show(DateTime utc, Func<DateTime, string> pattern)
    {
        var local = ToLocal(utc);
        var shown = local.ToString(pattern(local), System.Globalization.CultureInfo.InvariantCulture);
        return Zone.IsAmbiguousTime(local) ? $"{shown} ({AmsterdamMoment.FormatOffset(ToLocalOffset(utc).Offset)})" : shown;
    }

    /// <summary>The pattern with ":ss" added when the moment has seconds: a deadline at 23:59:59 is not one at 23:59.</summary>
    public static string TimePattern(DateTime local, string minutes) => local.Second == 0 ? minutes : minutes + ":ss";

    public static DateTimeOffset ToLocalOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }
}
