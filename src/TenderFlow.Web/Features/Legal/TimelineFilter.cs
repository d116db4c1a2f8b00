using System.Globalization;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Legal;

/// <summary>The filter fields as the form and the API send them (all optional; dates as yyyy-MM-dd in Europe/Amsterdam).</summary>
public sealed record TimelineQuery(
    string? Phase = null, string? Actor = null, string? Organisation = null, string? Kind = null, bool ReadsOnly = false,
    string? From = null, string? To = null, string? Q = null, int? Page = null);

/// <summary>
/// A checked timeline filter: pure, so it is tested without a database. Dates are whole Amsterdam days, both inclusive:
/// <see cref="FromUtc"/> is 00:00 Amsterdam of the first day, <see cref="ToUtcExclusive"/> 00:00 of the day after the last.
/// </summary>
public sealed record TimelineFilter(
    string? Phase, string? Actor, Guid? Organisation, string? Kind, bool ReadsOnly, DateTime? FromUtc, DateTime? ToUtcExclusive, string? Text, int Page)
{
    public const int PageSize = 100;

    /// <summary>The first segment of an action: <c>dialogue</c> for <c>dialogue.theme.read</c>.</summary>
    public static string KindOf(string action)
    {
        var dot = action.IndexOf('.');
        return dot < 0 ? action : action[..dot];
    }

    public static (TimelineFilter? Filter, RuleViolation? Violation) From(TimelineQuery query)
    {
        if (!TryDate(query.From, out var from))
        {
            return (null, Invalid("from", "De begindatum is geen geldige datum (jjjj-mm-dd).", "The start date is not a valid date (yyyy-mm-dd)."));
        }
        if (!TryDate(query.To, out var to))
        {
            return (null, Invalid("to", "De einddatum is geen geldige datum (jjjj-mm-dd).", "The end date is not a valid date (yyyy-mm-dd)."));
        }
        if (from is { } f && to is { } t && f > t)
        {
            return (null, Invalid("from", "De begindatum ligt na de einddatum.", "The start date is after the end date."));
        }
        Guid? organisation = null;
        if (!string.IsNullOrWhiteSpace(query.Organisation))
        {
            if (!Guid.TryParse(query.Organisation, out var o))
            {
                return (null, Invalid("organisation", "Onbekende organisatie.", "Unknown organisation."));
            }
            organisation = o;
        }
        var page = query.Page ?? 1;
        if (page < 1)
        {
            return (null, Invalid("page", "De pagina moet 1 of hoger zijn.", "The page must be 1 or higher."));
        }
        return (new TimelineFilter(
            Blank(query.Phase), Blank(query.Actor), organisation, Blank(query.Kind), query.ReadsOnly,
            from is { } start ? AmsterdamTime.ToUtcLenient(start.ToDateTime(TimeOnly.MinValue)) : null,
            to is { } end ? AmsterdamTime.ToUtcLenient(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            Blank(query.Q), page), null);
    }

    public bool Matches(HistoryEvent e) =>
        (Phase is null || e.Phase == Phase)
        && (Actor is null || e.Event.ActorId == Actor)
        && (Organisation is null || e.OrganisationId == Organisation)
        && (Kind is null || KindOf(e.Event.Action) == Kind)
        && (!ReadsOnly || e.IsRead)
        && (FromUtc is null || e.Event.OccurredAtUtc >= FromUtc)
        && (ToUtcExclusive is null || e.Event.OccurredAtUtc < ToUtcExclusive)
        && (Text is null || Contains(e, Text));

    public IReadOnlyList<HistoryEvent> Apply(IEnumerable<HistoryEvent> history) => history.Where(Matches).ToList();

    public IReadOnlyList<HistoryEvent> PageOf(IReadOnlyList<HistoryEvent> matching) =>
        matching.Skip((Page - 1) * PageSize).Take(PageSize).ToList();

    public static int PageCount(int matching) => Math.Max(1, (matching + PageSize - 1) / PageSize);

    /// <summary>Case-insensitive in action, subject, the stored JSON and its decoded values (so "ë" finds an escaped \u00EB).</summary>
    private static bool Contains(HistoryEvent e, string text)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase;
        return compare.IndexOf(e.Event.Action, text, options) >= 0
            || compare.IndexOf(e.Event.Subject, text, options) >= 0
            || compare.IndexOf(e.Event.PayloadJson, text, options) >= 0
            || compare.IndexOf(PayloadText.Decoded(e.Event.PayloadJson), text, options) >= 0;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        // Years a procedure can have events in; the ends of the calendar cannot be turned into UTC day boundaries.
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 1900 and <= 9998)
        {
            date = parsed;
            return true;
        }
        return false;
    }

    private static RuleViolation Invalid(string field, string nl, string en) =>
        new("LegalTimelineFilterRule", RuleKind.Invalid, new LocalizedText(nl, en), field);
}
