using System.Globalization;
using TenderFlow.Domain.Time;

namespace TenderFlow.Web.Seed;

/// <summary>
/// The planning of the seed's figure 7 (publication 15 May 2025, dialogue 15 Nov 2025 – 15 Jan 2026, submission 1 Mar 2026,
/// contract 1 Jan 2027), moved on by whole years until the publication lies ahead, every moment at 12:00 Amsterdam time.
/// </summary>
public static class DemoPlanning
{
    public static readonly TimeOnly TimeOfDay = new(12, 0);

    /// <summary>The planned deadlines of sas-dialogue as figure 7 has them, with realistic question and application windows.</summary>
    public static readonly IReadOnlyList<(string Key, DateOnly Date)> Figure7 =
    [
        ("publication", new DateOnly(2025, 5, 15)),
        ("questionsClose", new DateOnly(2025, 6, 5)),      // three weeks after publication
        ("applicationsClose", new DateOnly(2025, 6, 26)),  // six weeks after publication; selection follows
        ("dialogueEnd", new DateOnly(2026, 1, 15)),
        ("submissionClose", new DateOnly(2026, 3, 1)),
        ("contractStart", new DateOnly(2027, 1, 1)),
    ];

    private static DateOnly Publication => Figure7[0].Date;

    /// <summary>The fewest whole years to add to figure 7 so that its publication comes after <paramref name="now"/>.</summary>
    public static int YearsToShift(DateTimeOffset now)
    {
        var years = AmsterdamTime.ToLocal(now.UtcDateTime).Year - Publication.Year;
        return Moment(Publication.AddYears(years)) > now ? years : years + 1;
    }

    public static IReadOnlyDictionary<string, DateTimeOffset> Deadlines(DateTimeOffset now)
    {
        var years = YearsToShift(now);
        return Figure7.ToDictionary(d => d.Key, d => Moment(d.Date.AddYears(years)), StringComparer.Ordinal);
    }

    /// <summary>The tender's reference carries the year its contract starts, as Utrecht's "inkoop Wmo 2027" does.</summary>
    public static string Reference(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"UTR-WMO-{Deadlines(now)["contractStart"].Year}-01");

    private static DateTimeOffset Moment(DateOnly date) =>
        AmsterdamTime.ToLocalOffset(AmsterdamTime.ToUtcLenient(date.ToDateTime(TimeOfDay)));
}
