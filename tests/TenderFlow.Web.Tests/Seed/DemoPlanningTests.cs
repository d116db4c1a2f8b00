using TenderFlow.Domain.Time;
using TenderFlow.Web.Seed;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Seed;

public sealed class DemoPlanningTests
{
    private static DateTime Local(DateTimeOffset moment) => AmsterdamTime.ToLocal(moment.UtcDateTime);

    [Fact]
    public void From_the_test_clock_figure_7_moves_on_two_years()
    {
        var deadlines = DemoPlanning.Deadlines(TenderFlowFactory.Start);
        Assert.Equal(new DateTime(2027, 5, 15, 12, 0, 0), Local(deadlines["publication"]));
        Assert.Equal(new DateTime(2027, 6, 5, 12, 0, 0), Local(deadlines["questionsClose"]));
        Assert.Equal(new DateTime(2027, 6, 26, 12, 0, 0), Local(deadlines["applicationsClose"]));
        Assert.Equal(new DateTime(2028, 1, 15, 12, 0, 0), Local(deadlines["dialogueEnd"]));
        Assert.Equal(new DateTime(2028, 3, 1, 12, 0, 0), Local(deadlines["submissionClose"]));
        Assert.Equal(new DateTime(2029, 1, 1, 12, 0, 0), Local(deadlines["contractStart"]));
        Assert.Equal("UTR-WMO-2029-01", DemoPlanning.Reference(TenderFlowFactory.Start));
    }

    [Fact]
    public void Noon_is_ten_UTC_in_summer_and_eleven_in_winter()
    {
        var deadlines = DemoPlanning.Deadlines(TenderFlowFactory.Start);
        Assert.Equal(new DateTime(2027, 5, 15, 10, 0, 0, DateTimeKind.Utc), deadlines["publication"].UtcDateTime);
        Assert.Equal(new DateTime(2029, 1, 1, 11, 0, 0, DateTimeKind.Utc), deadlines["contractStart"].UtcDateTime);
    }

    [Theory]
    [InlineData("2025-01-10T08:00:00Z", 0)]
    [InlineData("2025-05-15T09:59:59Z", 0)]
    [InlineData("2025-05-15T10:00:00Z", 1)]
    [InlineData("2026-12-31T23:30:00Z", 2)]
    [InlineData("2027-03-01T09:00:00Z", 2)]
    [InlineData("2027-05-16T00:00:00Z", 3)]
    public void The_publication_is_always_strictly_ahead_by_the_fewest_whole_years(string now, int years)
    {
        var moment = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(years, DemoPlanning.YearsToShift(moment));
        Assert.True(DemoPlanning.Deadlines(moment)["publication"] > moment);
    }
}
