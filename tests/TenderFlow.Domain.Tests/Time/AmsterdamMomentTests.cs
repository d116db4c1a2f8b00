using TenderFlow.Domain.Time;

namespace TenderFlow.Domain.Tests.Time;

public class AmsterdamMomentTests
{
    private static DateTime Utc(int month, int day, int hour, int minute) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2027-06-01T12:00", 6, 1, 10, 0)]
    [InlineData("2027-06-01T12:00:00", 6, 1, 10, 0)]
    [InlineData("2027-01-15T09:30", 1, 15, 8, 30)]
    [InlineData("2027-06-01T12:00+02:00", 6, 1, 10, 0)]
    [InlineData("2027-06-01T10:00Z", 6, 1, 10, 0)]
    [InlineData("2027-06-01T10:00+00:00", 6, 1, 10, 0)]
    [InlineData("2027-01-15T09:30+01:00", 1, 15, 8, 30)]
    [InlineData("2027-03-28T01:59", 3, 28, 0, 59)]
    [InlineData("2027-03-28T03:00", 3, 28, 1, 0)]
    [InlineData("2027-10-31T03:00", 10, 31, 2, 0)]
    [InlineData("2027-10-31T01:59", 10, 30, 23, 59)]
    public void Reads_normal_times_as_Amsterdam_time(string text, int month, int day, int hour, int minute)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Violation);
        Assert.Equal(Utc(month, day, hour, minute), parsed.Utc);
        Assert.Equal(DateTimeKind.Utc, parsed.Utc!.Value.Kind);
    }

    [Theory]
    [InlineData("2027-03-28T02:00")]
    [InlineData("2027-03-28T02:30")]
    [InlineData("2027-03-28T02:59")]
    public void Refuses_a_time_the_spring_clock_change_skips(string text)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Utc);
        Assert.Equal("NonexistentLocalTimeRule", parsed.Violation!.Rule);
        Assert.Equal("dueAt", parsed.Violation.Field);
        Assert.Contains("bestaat niet", parsed.Violation.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("de klok gaat die nacht van 02:00 naar 03:00", parsed.Violation.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("from 02:00 to 03:00", parsed.Violation.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_autumn_time_that_occurs_twice_and_names_both_offsets()
    {
        var parsed = AmsterdamMoment.Parse("2027-10-31T02:30", "dueAt");

        Assert.Null(parsed.Utc);
        Assert.Equal("AmbiguousLocalTimeRule", parsed.Violation!.Rule);
        Assert.Contains("+02:00 (de eerste keer, zomertijd)", parsed.Violation.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("+01:00 (de tweede keer, wintertijd)", parsed.Violation.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("+02:00 (the first time, summer time)", parsed.Violation.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59")]
    [InlineData("0001-01-01T00:00Z")]
    [InlineData("1999-12-31T23:59+01:00")]
    [InlineData("2100-01-01T00:00")]
    public void Refuses_a_moment_outside_the_years_a_tender_plans_in(string text)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Utc);
        Assert.Equal("MomentOutOfRangeRule", parsed.Violation!.Rule);
        Assert.Equal("dueAt", parsed.Violation.Field);
        Assert.Contains("2000–2099", parsed.Violation.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_and_last_moments_of_the_range_are_taken()
    {
        Assert.Equal(new DateTime(1999, 12, 31, 23, 0, 0, DateTimeKind.Utc), AmsterdamMoment.Parse("2000-01-01T00:00", "dueAt").Utc);
        Assert.Equal(new DateTime(2099, 12, 31, 22, 59, 0, DateTimeKind.Utc), AmsterdamMoment.Parse("2099-12-31T23:59", "dueAt").Utc);
    }

    /// <summary>The same instant is in or out of range however it is written: the Amsterdam reading decides, for text and for an API's DateTimeOffset alike.</summary>
    [Theory]
    [InlineData("1999-12-31T23:00Z", true)]
    [InlineData("1999-12-31T22:59Z", false)]
    [InlineData("2099-12-31T22:59Z", true)]
    [InlineData("2099-12-31T23:00Z", false)]
    public void The_range_is_read_in_Amsterdam_time(string text, bool taken)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");
        var moment = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(taken, parsed.Violation is null);
        Assert.Equal(taken, AmsterdamMoment.Check(moment, "dueAt") is null);
        Assert.Equal(taken ? null : "MomentOutOfRangeRule", parsed.Violation?.Rule);
    }

    [Fact]
    public void Both_autumn_offsets_are_accepted_one_hour_apart()
    {
        var summer = AmsterdamMoment.Parse("2027-10-31T02:30+02:00", "dueAt");
        var winter = AmsterdamMoment.Parse("2027-10-31T02:30+01:00", "dueAt");

        Assert.Equal(Utc(10, 31, 0, 30), summer.Utc);
        Assert.Equal(Utc(10, 31, 1, 30), winter.Utc);
        Assert.Equal(TimeSpan.FromHours(1), winter.Utc!.Value - summer.Utc!.Value);
        Assert.Equal("31-10-2027 02:30 (+02:00)", AmsterdamMoment.Show(summer.Utc.Value));
        Assert.Equal("31-10-2027 02:30 (+01:00)", AmsterdamMoment.Show(winter.Utc.Value));
    }

    [Fact]
    public void The_candidates_of_an_ambiguous_time_come_summer_time_first()
    {
        var candidates = AmsterdamMoment.Candidates(new DateTime(2027, 10, 31, 2, 30, 0));

        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(1)], candidates.Select(c => c.Offset));
        Assert.Equal("2027-10-31T02:30+02:00", AmsterdamMoment.ToIso(candidates[0]));
        Assert.Empty(AmsterdamMoment.Candidates(new DateTime(2027, 6, 1, 12, 0, 0)));
    }

    [Theory]
    [InlineData("2027-06-01T12:00+01:00")]
    [InlineData("2027-01-15T12:00+02:00")]
    [InlineData("2027-06-01T12:00-04:00")]
    [InlineData("2027-06-01T12:00+05:30")]
    [InlineData("2027-03-28T02:30+01:00")]
    public void Refuses_an_offset_that_is_not_Amsterdams_at_that_instant(string text)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Utc);
        Assert.Equal("OffsetNotAmsterdamRule", parsed.Violation!.Rule);
    }

    [Fact]
    public void Checks_a_DateTimeOffset_the_same_way()
    {
        Assert.Null(AmsterdamMoment.CheckOffset(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)), "deadlines.publication"));
        Assert.Null(AmsterdamMoment.CheckOffset(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero), "deadlines.publication"));
        var refused = AmsterdamMoment.CheckOffset(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.FromHours(1)), "deadlines.publication");
        Assert.Equal("OffsetNotAmsterdamRule", refused!.Rule);
        Assert.Equal("deadlines.publication", refused.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("morgen")]
    [InlineData("2027-06-01")]
    [InlineData("2027-06-01 12:00")]
    [InlineData("01-06-2027T12:00")]
    [InlineData("2027-02-30T12:00")]
    [InlineData("2027-06-01T24:00")]
    [InlineData("2027-06-01T12:60")]
    [InlineData("2027-06-01T12:00+15:00")]
    [InlineData("2027-06-01T12:00+14:30")]
    [InlineData("2027-06-01T12:00-14:01")]
    [InlineData("2027-06-01T12:00+02")]
    [InlineData("2027-06-01T12:00:00.")]
    [InlineData("2027-06-01T12:00.5")]
    [InlineData("2027-06-01T12:00:00.12345678Z")]
    [InlineData("2027-06-01T12:00z")]
    public void Refuses_what_is_not_a_moment(string? text)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Utc);
        Assert.Equal("MomentFormatRule", parsed.Violation!.Rule);
        Assert.Equal("dueAt", parsed.Violation.Field);
    }

    /// <summary>What .NET and JavaScript write for a moment by default (fractional seconds) is what integrators send.</summary>
    [Theory]
    [InlineData("2027-06-01T12:00:00.5", 500)]
    [InlineData("2027-06-01T10:00:00.5435715Z", 543)]
    [InlineData("2027-06-01T12:00:00.000+02:00", 0)]
    public void Takes_fractional_seconds_as_dotnet_and_javascript_write_them(string text, int milliseconds)
    {
        var parsed = AmsterdamMoment.Parse(text, "dueAt");

        Assert.Null(parsed.Violation);
        Assert.Equal(new DateTime(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc), parsed.Utc!.Value.AddTicks(-(parsed.Utc.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(milliseconds, parsed.Utc.Value.Millisecond);
    }

    [Fact]
    public void Shows_seconds_when_there_are_any()
    {
        Assert.Equal("30-06-2027 23:59:59 (+02:00)", AmsterdamMoment.Show(new DateTime(2027, 6, 30, 21, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("30-06-2027 12:00 (+02:00)", AmsterdamMoment.Show(new DateTime(2027, 6, 30, 10, 0, 0, DateTimeKind.Utc)));
    }
}
