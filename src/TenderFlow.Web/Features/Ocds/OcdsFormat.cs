using System.Globalization;
using TenderFlow.Domain.Time;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>Dates as OCDS wants them: ISO 8601 with an offset, here the Amsterdam offset of the moment.</summary>
public static class OcdsFormat
{
    public static string Date(DateTime utc) =>
        AmsterdamTime.ToLocalOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The first moment of a calendar day in Amsterdam.</summary>
    public static string StartOfDay(DateOnly day) => Date(AmsterdamTime.ToUtcLenient(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The last second of a calendar day in Amsterdam (OCDS period ends are inclusive).</summary>
    public static string EndOfDay(DateOnly day) => Date(AmsterdamTime.ToUtcLenient(day.ToDateTime(new TimeOnly(23, 59, 59))));

    public static string Kvk(string kvkNumber) => $"{KvkScheme}-{kvkNumber}";

    /// <summary>org-id.guide's scheme for the Dutch Chamber of Commerce register.</summary>
    public const string KvkScheme = "NL-KVK";
}
