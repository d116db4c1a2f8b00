using System.Globalization;
using System.Xml.Linq;
using TenderFlow.Web.Features.Legal;

namespace TenderFlow.Web.Tests.Legal;

public sealed class PlanningChartTests
{
    private static readonly PlanningChartText Text = new("Planning", "Beschrijving", "gepland", "werkelijk", "nu", "Termijn", "verschoven naar");

    private static DateTime Day(int month, int day) => new(2027, month, day, 10, 0, 0, DateTimeKind.Utc);

    private static readonly PlanningPicture Picture = new("UTR-1", Day(5, 15),
    [
        new("consultation", "Marktconsultatie", [new(Day(3, 1), Day(4, 1))], false, Day(3, 1), Day(3, 25)),
        new("publication", "Aankondiging", [new(Day(4, 1), Day(5, 15))], true, Day(3, 25), Day(6, 1)),
        new("selection", "Selectie", [], false, null, null),
    ],
    [
        new("questionsClose", "Vragen", Day(4, 20), Day(4, 20)),
        new("applicationsClose", "Aanmelden", Day(6, 1), Day(6, 20)),
    ]);

    private static XElement Chart() => XElement.Parse(PlanningChart.Render(Picture, Text));

    private static double X(XElement e, string attribute = "x") => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> Class(XElement svg, string kind) => svg.Descendants().Where(e => (string?)e.Attribute("class") == kind);

    [Fact]
    public void It_is_an_accessible_image()
    {
        var svg = Chart();
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Planning", svg.Element(PlanningChart.Svg + "title")!.Value);
        Assert.Equal("Beschrijving", svg.Element(PlanningChart.Svg + "desc")!.Value);
    }

    [Fact]
    public void Phase_rows_keep_their_order_and_only_reached_phases_get_an_actual_bar()
    {
        var svg = Chart();
        Assert.Equal(["consultation", "publication", "selection"], Class(svg, "phase-row").Select(r => (string)r.Attribute("data-phase")!));
        var actual = Class(svg, "bar-actual").ToList();
        Assert.Equal(2, actual.Count);
        Assert.True(X(actual[0]) < X(actual[1]), "later phases start further right");
        Assert.True(X(actual[0], "y") < X(actual[1], "y"), "later rows lie lower");
        Assert.Empty(Class(svg, "phase-row").Last().Descendants(PlanningChart.Svg + "rect"));
    }

    [Fact]
    public void X_grows_with_time_and_now_lies_between()
    {
        var svg = Chart();
        var planned = Class(svg, "bar-planned").Select(b => X(b)).ToList();
        Assert.True(planned[0] < planned[1]);
        var now = X(Class(svg, "now").Single().Element(PlanningChart.Svg + "line")!, "x1");
        Assert.True(now > X(Class(svg, "bar-actual").Last()));
    }

    [Fact]
    public void A_moved_deadline_is_drawn_twice_and_an_unmoved_one_once()
    {
        var svg = Chart();
        var rows = Class(svg, "deadline-row").ToDictionary(r => (string)r.Attribute("data-deadline")!);
        Assert.Single(rows["questionsClose"].Elements(PlanningChart.Svg + "polygon"));
        var moved = rows["applicationsClose"];
        var planned = X(Class(moved, "deadline-planned").Single(), "data-x");
        var current = X(Class(moved, "deadline-current").Single(), "data-x");
        Assert.True(planned < current);
        Assert.Single(Class(moved, "deadline-move"));
    }

    [Fact]
    public void Month_ticks_are_labelled_in_Amsterdam_months()
    {
        var labels = Class(Chart(), "axis").Single().Elements(PlanningChart.Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["2027-03", "2027-04", "2027-05", "2027-06", "2027-07"], labels);
    }
}
