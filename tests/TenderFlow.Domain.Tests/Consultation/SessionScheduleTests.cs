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

    private static readonly DateTime Start = new(2027, 4, 1, 8, 0, 0, DateTimeKind.Utc);

    private static SessionSchedule With(string? title = "Marktconsultatie Wmo", string? topic = "Specialistische begeleiding", string? location = "Stadskantoor Utrecht") =>
        new(title, topic, ConsultationAudience.Open, location, null, Start, Start.AddHours(2), 40, Start.AddDays(-1));

    // Invisible-only text is blank, so the field's own rule applies; control and direction characters are refused by name.
    [Theory]
    [InlineData("\u200b", null, null, "SessionTitleRule", "title")]
    [InlineData("Markt\u202Econsultatie", null, null, "UnreadableTextRule", "title")]
    [InlineData(null, "\u2060\uFEFF", null, "SessionTopicRule", "topic")]
    [InlineData(null, "Begeleiding\u0000", null, "UnreadableTextRule", "topic")]
    [InlineData(null, null, "\u200b", "SessionPlaceRule", "location")]
    [InlineData(null, null, "Stadskantoor\nUtrecht", "UnreadableTextRule", "location")]
    public void Session_texts_must_be_readable(string? title, string? topic, string? location, string rule, string field)
    {
        var schedule = With(title: title ?? "Marktconsultatie Wmo", topic: topic ?? "Specialistische begeleiding", location: location ?? "Stadskantoor Utrecht");

        var violation = schedule.Validate(Now);

        Assert.Equal((rule, field), (violation?.Rule, violation?.Field));
    }

    [Fact]
    public void A_session_keeps_its_texts_trimmed_and_multiline_topics_intact()
    {
        var session = new ConsultationSession { Title = "", Topic = "" };
        var schedule = With(title: "  Marktconsultatie Wmo ", topic: "Specialistische begeleiding:\n- wachtlijsten\n- wijkteams ", location: " Stadskantoor Utrecht ");

        Assert.Null(schedule.Validate(Now));
        schedule.ApplyTo(session);

        Assert.Equal(("Marktconsultatie Wmo", "Specialistische begeleiding:\n- wachtlijsten\n- wijkteams", "Stadskantoor Utrecht"), (session.Title, session.Topic, session.Location));
    }

    [Theory]
    [InlineData("\u200b", "Beleidsadviseur", "AttendeeNameRule")]
    [InlineData("Fatima \u202Eel Amrani", "Beleidsadviseur", "UnreadableTextRule")]
    [InlineData("Fatima el Amrani", "\u2060", "AttendeeFunctionRule")]
    [InlineData("Fatima el Amrani", "Beleids\u0007adviseur", "UnreadableTextRule")]
    public void Attendee_names_and_functions_must_be_readable(string name, string function, string rule)
    {
        var violation = AttendeeInput.Validate([new AttendeeInput(name, "f.elamrani@zorgaanbieder.nl", function)], capacity: 10);

        Assert.Equal(rule, violation?.Rule);
    }
}
