using System.Globalization;
using System.Xml.Linq;
using TenderFlow.Domain.Time;

namespace TenderFlow.Web.Features.Legal;

/// <summary>The words the chart shows, in the reader's language.</summary>
public sealed record PlanningChartText(string Title, string Description, string Planned, string Actual, string Now, string Deadline, string MovedTo);

/// <summary>
/// Turns a <see cref="PlanningPicture"/> into a self-contained SVG (no script, no style element): a row per phase with its
/// planned window (thin, light) above its actual run (thick, dark), then a row per deadline with a hollow diamond at the
/// planned moment and a filled one at the current moment (both, joined by a line, when it moved), month ticks in Amsterdam
/// time and a dashed "now" line. Pure: tested without a server.
/// </summary>
public static class PlanningChart
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 960;
    private const double LabelWidth = 280;
    private const double Right = 24;
    private const double Top = 40;
    private const double RowHeight = 26;
    private const double PlotWidth = Width - LabelWidth - Right;

    public static string Render(PlanningPicture picture, PlanningChartText text) => Build(picture, text).ToString(SaveOptions.DisableFormatting);

    public static XElement Build(PlanningPicture picture, PlanningChartText text)
    {
        var moments = picture.Moments().ToList();
        var (start, end) = Span(moments.Min(), moments.Max());
        double X(DateTime utc) => Math.Round(LabelWidth + ((utc - start).TotalSeconds / (end - start).TotalSeconds * PlotWidth), 2);

        var rows = picture.Phases.Count + picture.Deadlines.Count;
        var height = Top + (rows * RowHeight) + 16;
        var svg = new XElement(Svg + "svg",
            new XAttribute("width", Width), new XAttribute("height", height), new XAttribute("viewBox", $"0 0 {Width} {F(height)}"),
            new XAttribute("role", "img"), new XAttribute("aria-labelledby", "planning-title planning-desc"), new XAttribute("class", "planning-chart"),
            new XElement(Svg + "title", new XAttribute("id", "planning-title"), text.Title),
            new XElement(Svg + "desc", new XAttribute("id", "planning-desc"), text.Description),
            new XElement(Svg + "rect", new XAttribute("x", 0), new XAttribute("y", 0), new XAttribute("width", Width), new XAttribute("height", F(height)), new XAttribute("fill", "#ffffff")));

        var axis = new XElement(Svg + "g", new XAttribute("class", "axis"));
        foreach (var (tickUtc, label) in MonthTicks(start, end))
        {
            var x = X(tickUtc);
            axis.Add(new XElement(Svg + "line", new XAttribute("x1", F(x)), new XAttribute("x2", F(x)), new XAttribute("y1", Top - 8), new XAttribute("y2", F(height - 8)),
                    new XAttribute("stroke", "#c8c8c8"), new XAttribute("stroke-width", 1)),
                label is null ? null : new XElement(Svg + "text", new XAttribute("x", F(x + 3)), new XAttribute("y", Top - 14), new XAttribute("font-size", 11),
                    new XAttribute("fill", "#1a1a1a"), label));
        }
        svg.Add(axis);

        var y = Top;
        foreach (var phase in picture.Phases)
        {
            var row = new XElement(Svg + "g", new XAttribute("class", "phase-row"), new XAttribute("data-phase", phase.Id),
                Label(y, phase.Title));
            if (phase.PlannedStartUtc is { } ps && phase.PlannedEndUtc is { } pe)
            {
                row.Add(Bar("bar-planned", X(ps), X(pe), y + 3, 6, "#8fb3d9",
                    $"{phase.Title}: {text.Planned} {Local(ps)} – {Local(pe)}"));
            }
            foreach (var interval in phase.Actual)
            {
                row.Add(Bar("bar-actual", X(interval.StartUtc), X(interval.EndUtc), y + 11, 11, "#1f4e79",
                    $"{phase.Title}: {text.Actual} {Local(interval.StartUtc)} – {Local(interval.EndUtc)}"));
            }
            svg.Add(row);
            y += RowHeight;
        }
        foreach (var deadline in picture.Deadlines)
        {
            var row = new XElement(Svg + "g", new XAttribute("class", "deadline-row"), new XAttribute("data-deadline", deadline.Key),
                Label(y, $"{text.Deadline}: {deadline.Title}"));
            var middle = y + (RowHeight / 2) - 1;
            if (deadline.Moved)
            {
                row.Add(new XElement(Svg + "line", new XAttribute("class", "deadline-move"),
                    new XAttribute("x1", F(X(deadline.PlannedUtc!.Value))), new XAttribute("x2", F(X(deadline.CurrentUtc!.Value))),
                    new XAttribute("y1", F(middle)), new XAttribute("y2", F(middle)), new XAttribute("stroke", "#8a4b00"), new XAttribute("stroke-width", 2)));
            }
            if (deadline.PlannedUtc is { } planned && deadline.Moved)
            {
                row.Add(Diamond("deadline-planned", X(planned), middle, "#ffffff", $"{deadline.Title}: {text.Planned} {Local(planned)}"));
            }
            if (deadline.CurrentUtc is { } current)
            {
                row.Add(Diamond("deadline-current", X(current), middle, "#8a4b00",
                    deadline.Moved ? $"{deadline.Title}: {text.MovedTo} {Local(current)}" : $"{deadline.Title}: {Local(current)}"));
            }
            svg.Add(row);
            y += RowHeight;
        }

        var now = X(picture.NowUtc);
        svg.Add(new XElement(Svg + "g", new XAttribute("class", "now"),
            new XElement(Svg + "line", new XAttribute("x1", F(now)), new XAttribute("x2", F(now)), new XAttribute("y1", Top - 8), new XAttribute("y2", F(height - 8)),
                new XAttribute("stroke", "#b00020"), new XAttribute("stroke-width", 2), new XAttribute("stroke-dasharray", "4 3")),
            new XElement(Svg + "text", new XAttribute("x", F(now + 3)), new XAttribute("y", F(height - 2)), new XAttribute("font-size", 11), new XAttribute("fill", "#b00020"),
                $"{text.Now} {Local(picture.NowUtc)}")));
        return svg;
    }

    /// <summary>From the start of the first moment's Amsterdam month to the start of the month after the last one.</summary>
    private static (DateTime Start, DateTime End) Span(DateTime min, DateTime max)
    {
        var first = AmsterdamTime.ToLocal(min);
        var last = AmsterdamTime.ToLocal(max);
        var start = AmsterdamTime.ToUtcLenient(new DateTime(first.Year, first.Month, 1));
        var end = AmsterdamTime.ToUtcLenient(new DateTime(last.Year, last.Month, 1).AddMonths(1));
        return (start, end);
    }

    /// <summary>A tick at the start of every Amsterdam month; labelled so that at most about twelve labels show.</summary>
    private static IEnumerable<(DateTime Utc, string? Label)> MonthTicks(DateTime startUtc, DateTime endUtc)
    {
        var local = AmsterdamTime.ToLocal(startUtc);
        var month = new DateTime(local.Year, local.Month, 1);
        var ticks = new List<DateTime>();
        for (var utc = AmsterdamTime.ToUtcLenient(month); utc <= endUtc; month = month.AddMonths(1), utc = AmsterdamTime.ToUtcLenient(month))
        {
            ticks.Add(month);
        }
        var every = Math.Max(1, (int)Math.Ceiling(ticks.Count / 12.0));
        return ticks.Select((m, i) => (AmsterdamTime.ToUtcLenient(m), i % every == 0 ? m.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null));
    }

    private static XElement Label(double y, string label) =>
        new(Svg + "text", new XAttribute("x", 8), new XAttribute("y", F(y + 17)), new XAttribute("font-size", 12), new XAttribute("fill", "#1a1a1a"),
            label.Length > 42 ? label[..41] + "…" : label);

    private static XElement Bar(string kind, double x1, double x2, double y, double height, string fill, string title) =>
        new(Svg + "rect", new XAttribute("class", kind), new XAttribute("x", F(x1)), new XAttribute("y", F(y)),
            new XAttribute("width", F(Math.Max(2, x2 - x1))), new XAttribute("height", F(height)), new XAttribute("fill", fill),
            new XElement(Svg + "title", title));

    private static XElement Diamond(string kind, double x, double y, string fill, string title) =>
        new(Svg + "polygon", new XAttribute("class", kind), new XAttribute("data-x", F(x)),
            new XAttribute("points", $"{F(x)},{F(y - 7)} {F(x + 7)},{F(y)} {F(x)},{F(y + 7)} {F(x - 7)},{F(y)}"),
            new XAttribute("fill", fill), new XAttribute("stroke", "#8a4b00"), new XAttribute("stroke-width", 2),
            new XElement(Svg + "title", title));

    private static string Local(DateTime utc) => AmsterdamTime.Format(utc);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
