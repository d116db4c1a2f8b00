using TenderFlow.Domain.Consultation;

namespace TenderFlow.Domain.Tests.Consultation;

public class SessionScheduleTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static SessionSchedule At(DateTime startsAtUtc, DateTime endsAtUtc, DateTime closesAtUtc) =>
        new("Marktconsultatie Wmo", "Specialistische begeleiding", ConsultationAudience.Open, "Stadskantoor Utrecht", null, startsAtUtc, endsAtUtc, 40, closesAtUtc);

    [Fact]
    public void A_session_in_the_years_a_tender_plans_in_is_taken()
    {
        var start = new DateTime(2027, 4, 1, 8, 0, 0, DateTimeKind.Utc);

        Assert.Null(At(start, start.AddHours(2), start.AddDays(-1)).Validate(Now));
    }

    [Theory]
    [InlineData(9999, "startsAt")]
    [InlineData(2100, "startsAt")]
    public void A_session_outside_those_years_is_refused_at_the_field(int year, string field)
    {
        var start = new DateTime(year, 1, 1, 8, 0, 0, DateTimeKind.Utc);

        var violation = At(start, start.AddHours(2), start.AddDays(-1)).Validate(Now);

        Assert.Equal(("MomentOutOfRangeRule", field), (violation?.Rule, violation?.Field));
    }
}
