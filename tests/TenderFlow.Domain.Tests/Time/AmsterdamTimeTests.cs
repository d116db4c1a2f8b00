using TenderFlow.Domain.Time;

namespace TenderFlow.Domain.Tests.Time;

public class AmsterdamTimeTests
{
    [Theory]
    [InlineData("2027-03-10T13:00:00Z", "2027-03-10T23:00:00Z")]
    [InlineData("2027-03-10T22:59:59Z", "2027-03-10T23:00:00Z")]
    [InlineData("2027-03-10T23:00:00Z", "2027-03-11T23:00:00Z")]
    [InlineData("2027-03-27T12:00:00Z", "2027-03-27T23:00:00Z")]
    [InlineData("2027-03-28T12:00:00Z", "2027-03-28T22:00:00Z")]
    [InlineData("2027-10-30T12:00:00Z", "2027-10-30T22:00:00Z")]
    [InlineData("2027-10-31T12:00:00Z", "2027-10-31T23:00:00Z")]
    [InlineData("2027-07-01T21:30:00Z", "2027-07-01T22:00:00Z")]
    public void End_of_day_is_the_next_local_midnight(string moment, string expected)
    {
        var utc = DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

        var end = AmsterdamTime.EndOfDayUtc(utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, end);
        Assert.Equal(TimeSpan.Zero, AmsterdamTime.ToLocal(end).TimeOfDay);
    }

    [Fact]
    public void Shows_times_in_Amsterdam()
    {
        Assert.Equal("2027-03-31 00:00", AmsterdamTime.Format(new DateTime(2027, 3, 30, 22, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), AmsterdamTime.ToLocalOffset(new DateTime(2027, 7, 1, 12, 0, 0, DateTimeKind.Utc)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), AmsterdamTime.ToLocalOffset(new DateTime(2027, 1, 1, 12, 0, 0, DateTimeKind.Utc)).Offset);
    }
}
