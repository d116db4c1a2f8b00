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

    // A notification saying "2027-10-31 02:30" could mean either of that night's two 02:30s, an hour apart; and a deadline
    // at 23:59:59 shown as 23:59 reads as a minute earlier than it is.
    [Theory]
    [InlineData("2027-10-31T00:30:00Z", "2027-10-31 02:30 (+02:00)")]
    [InlineData("2027-10-31T01:30:00Z", "2027-10-31 02:30 (+01:00)")]
    [InlineData("2027-10-31T02:30:00Z", "2027-10-31 03:30")]
    [InlineData("2027-06-30T21:59:59Z", "2027-06-30 23:59:59")]
    [InlineData("2027-06-30T21:59:59.5Z", "2027-06-30 23:59:59")]
    [InlineData("2027-06-30T10:00:00Z", "2027-06-30 12:00")]
    public void Shows_which_of_two_equal_local_times_and_seconds_when_there_are_any(string utc, string shown)
    {
        var moment = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

        Assert.Equal(shown, AmsterdamTime.Format(moment));
    }

    [Theory]
    [InlineData("2027-10-31T00:30:05Z", "2027-10-31 02:30:05 (+02:00)")]
    [InlineData("2027-10-31T01:30:05Z", "2027-10-31 02:30:05 (+01:00)")]
    [InlineData("2027-06-30T10:00:00Z", "2027-06-30 12:00:00")]
    public void Shows_when_something_happened_always_with_seconds(string utc, string shown)
    {
        var moment = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

        Assert.Equal(shown, AmsterdamTime.FormatInstant(moment));
    }
}
