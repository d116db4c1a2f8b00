using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Tests.Time;

public class CalendarOffsetTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute, int localOffsetHours) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(localOffsetHours)).UtcDateTime;

    [Theory]
    [InlineData("P20D", false, 20, 0, 0)]
    [InlineData("-P7D", true, 7, 0, 0)]
    [InlineData("PT12H", false, 0, 12, 0)]
    [InlineData("PT36H", false, 0, 36, 0)]
    [InlineData("PT45M", false, 0, 0, 45)]
    [InlineData("P6W", false, 42, 0, 0)]
    [InlineData("P1W2D", false, 9, 0, 0)]
    [InlineData("P1DT12H", false, 1, 12, 0)]
    [InlineData("-PT1H30M", true, 0, 1, 30)]
    [InlineData("P0D", false, 0, 0, 0)]
    public void Parses_weeks_days_hours_and_minutes(string text, bool negative, int days, int hours, int minutes)
    {
        Assert.True(CalendarOffset.TryParse(text, out var offset));
        Assert.Equal(new CalendarOffset(negative, days, hours, minutes), offset);
        Assert.Equal(offset, CalendarOffset.Parse(text));
    }

    [Theory]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("P1Y2D")]
    [InlineData("P")]
    [InlineData("-P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("20D")]
    [InlineData("p20d")]
    [InlineData(" P20D")]
    [InlineData("P1.5D")]
    [InlineData("P-1D")]
    [InlineData("+P1D")]
    [InlineData("P1S")]
    [InlineData("PT1S")]
    [InlineData("P2D1W")]
    public void Refuses_what_is_not_a_calendar_offset(string? text)
    {
        Assert.False(CalendarOffset.TryParse(text, out var offset));
        Assert.Equal(new CalendarOffset(false, 0, 0, 0), offset);
        if (text is not null)
        {
            var e = Assert.Throws<FormatException>(() => CalendarOffset.Parse(text));
            Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("P99999999999D")]
    [InlineData("PT99999999999H")]
    [InlineData("P999999999W")]
    public void TryParse_refuses_a_number_too_large_instead_of_throwing(string text) =>
        Assert.False(CalendarOffset.TryParse(text, out _));

    [Theory]
    [InlineData("P20D", "P20D")]
    [InlineData("-P7D", "-P7D")]
    [InlineData("PT12H", "PT12H")]
    [InlineData("P6W", "P42D")]
    [InlineData("P1DT12H", "P1DT12H")]
    [InlineData("PT1H30M", "PT1H30M")]
    [InlineData("PT45M", "PT45M")]
    [InlineData("PT0H", "P0D")]
    public void Formats_in_days_and_round_trips(string text, string formatted)
    {
        var offset = CalendarOffset.Parse(text);

        Assert.Equal(formatted, offset.ToString());
        Assert.Equal(offset, CalendarOffset.Parse(offset.ToString()));
    }

    [Fact]
    public void One_day_across_the_spring_clock_change_is_23_hours()
    {
        var start = Utc(2027, 3, 27, 12, 0, 1);

        var end = CalendarOffset.Parse("P1D").ApplyTo(start);

        Assert.Equal(TimeSpan.FromHours(23), end - start);
        Assert.Equal(new DateTime(2027, 3, 28, 12, 0, 0), AmsterdamTime.ToLocal(end));
    }

    [Fact]
    public void One_day_across_the_autumn_clock_change_is_25_hours()
    {
        var start = Utc(2027, 10, 30, 12, 0, 2);

        var end = CalendarOffset.Parse("P1D").ApplyTo(start);

        Assert.Equal(TimeSpan.FromHours(25), end - start);
    }

    [Fact]
    public void Hours_are_elapsed_hours_even_across_the_clock_change()
    {
        var start = Utc(2027, 3, 27, 12, 0, 1);

        Assert.Equal(TimeSpan.FromHours(24), CalendarOffset.Parse("PT24H").ApplyTo(start) - start);
        Assert.Equal(TimeSpan.FromMinutes(90), CalendarOffset.Parse("PT1H30M").ApplyTo(start) - start);
    }

    [Fact]
    public void A_negative_offset_counts_back_in_calendar_days()
    {
        var start = Utc(2027, 3, 28, 12, 0, 2);

        var end = CalendarOffset.Parse("-P7D").ApplyTo(start);

        Assert.Equal(new DateTime(2027, 3, 21, 12, 0, 0), AmsterdamTime.ToLocal(end));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), start - end);
    }

    [Fact]
    public void A_local_time_skipped_by_the_clock_change_moves_forward_by_the_gap()
    {
        var start = Utc(2027, 3, 27, 2, 30, 1);

        var end = CalendarOffset.Parse("P1D").ApplyTo(start);

        Assert.Equal(new DateTime(2027, 3, 28, 3, 30, 0), AmsterdamTime.ToLocal(end));
    }

    [Fact]
    public void A_local_time_that_occurs_twice_takes_the_summer_time_occurrence()
    {
        var start = Utc(2027, 10, 30, 2, 30, 2);

        var end = CalendarOffset.Parse("P1D").ApplyTo(start);

        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), end);
    }

    // 2027-10-31 01:30Z is 02:30 in Amsterdam winter time: the second 02:30 of that night. An offset without days must not
    // read it back as the first (summer-time) 02:30, an hour earlier: an escalation "PT0M" after a deadline then ran
    // before the deadline.
    [Theory]
    [InlineData("PT0M", 1, 30)]
    [InlineData("PT1H", 2, 30)]
    [InlineData("PT90M", 3, 0)]
    [InlineData("-PT30M", 1, 0)]
    public void An_offset_without_days_counts_elapsed_time_from_the_second_occurrence_of_a_repeated_hour(string offset, int hour, int minute)
    {
        var start = new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc);

        var end = CalendarOffset.Parse(offset).ApplyTo(start);

        Assert.Equal(new DateTime(2027, 10, 31, hour, minute, 0, DateTimeKind.Utc), end);
    }
}
