using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class SessionSchedulingTests : ConsultationScenarioTests
{
    [Fact]
    public async Task Procurement_schedules_a_session_and_the_step_is_audited()
    {
        var response = await S.Procurement.PostAsJsonAsync(S.Sessions, Session(capacity: 30, onlineUrl: "https://teams.example.nl/sessie-2"));
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Professionals", view["audience"]!.GetValue<string>());
        Assert.Equal(30, view["placesLeft"]!.GetValue<int>());
        Assert.True(view["registrationOpen"]!.GetValue<bool>());
        // 13:00 UTC on 10 March is 14:00 in Amsterdam (winter time).
        Assert.StartsWith("2027-03-10T14:00:00+01:00", view["startsAtAmsterdam"]!.GetValue<string>());

        var audit = Assert.Single(await S.AuditAsync("consultation.session.scheduled"));
        Assert.Equal("Procurement", audit.ActorRole);
        Assert.Contains("Sessie 2 Zorg op maat", audit.PayloadJson);
    }

    public static TheoryData<string, object> BrokenSessions => new()
    {
        { "SessionEndAfterStartRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart, capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionEndAfterStartRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddMinutes(-30), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "RegistrationDeadlineRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = SessionStart.AddTicks(1) } },
        { "SessionCapacityRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 0, registrationClosesAt = RegistrationCloses } },
        { "SessionCapacityRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = -3, registrationClosesAt = RegistrationCloses } },
        { "SessionOnlineLinkRule", new { title = "S", topic = "T", onlineUrl = "http://teams.example.nl/x", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionOnlineLinkRule", new { title = "S", topic = "T", onlineUrl = "javascript:alert(1)", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionOnlineLinkRule", new { title = "S", topic = "T", onlineUrl = "teams.example.nl/x", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        // The JSON reader takes a number for an enum: one that names no audience is refused, not stored and shown as "Audience 42".
        { "SessionAudienceRule", new { title = "S", topic = "T", audience = 42, location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionPlaceRule", new { title = "S", topic = "T", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionTitleRule", new { title = "  ", topic = "T", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionTopicRule", new { title = "S", location = "Utrecht", startsAt = SessionStart, endsAt = SessionStart.AddHours(1), capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionTimesRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = SessionStart, capacity = 5, registrationClosesAt = RegistrationCloses } },
        { "SessionStartsInPastRule", new { title = "S", topic = "T", location = "Utrecht", startsAt = Start.AddHours(-1), endsAt = Start.AddHours(1), capacity = 5, registrationClosesAt = Start.AddHours(-2) } },
    };

    private static DateTimeOffset Start => TenderFlowFactory.Start;

    private static object SessionAt(string startsAt, string endsAt, string registrationClosesAt) => new
    {
        title = "S", topic = "T", location = "Utrecht", startsAt, endsAt, capacity = 5, registrationClosesAt,
    };

    [Fact]
    public async Task Times_without_an_offset_are_Amsterdam_time_whatever_the_server_clock_zone()
    {
        var response = await S.Procurement.PostAsJsonAsync(S.Sessions, SessionAt("2027-03-10T14:00", "2027-03-10T16:00", "2027-03-08T12:00"));
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new DateTime(2027, 3, 10, 13, 0, 0, DateTimeKind.Utc), view["startsAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new DateTime(2027, 3, 8, 11, 0, 0, DateTimeKind.Utc), view["registrationClosesAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Theory]
    [InlineData("OffsetNotAmsterdamRule", "2027-03-10T14:00+05:00", "2027-03-10T16:00", "2027-03-08T12:00")]
    [InlineData("NonexistentLocalTimeRule", "2027-04-10T14:00", "2027-04-10T16:00", "2027-03-28T02:30")]
    [InlineData("AmbiguousLocalTimeRule", "2027-11-10T14:00", "2027-11-10T16:00", "2027-10-31T02:30")]
    [InlineData("MomentFormatRule", "10-03-2027 14:00", "2027-03-10T16:00", "2027-03-08T12:00")]
    public async Task A_time_in_another_zone_or_that_the_Amsterdam_clock_skips_or_repeats_is_refused(string rule, string startsAt, string endsAt, string closes)
    {
        var problem = await (await S.Procurement.PostAsJsonAsync(S.Sessions, SessionAt(startsAt, endsAt, closes))).ProblemAsync(400);
        Assert.Equal(rule, problem["rule"]!.GetValue<string>());
        Assert.Empty(await S.Procurement.GetArrayAsync(S.Sessions));
    }

    [Theory]
    [MemberData(nameof(BrokenSessions))]
    public async Task Broken_sessions_are_refused_by_name_and_nothing_is_stored(string rule, object session)
    {
        var problem = await (await S.Procurement.PostAsJsonAsync(S.Sessions, session)).ProblemAsync(400);
        Assert.Equal(rule, problem["rule"]!.GetValue<string>());
        Assert.Empty(await S.Procurement.GetArrayAsync(S.Sessions));
        Assert.Empty(await S.AuditAsync("consultation.session.scheduled"));
    }

    [Fact]
    public async Task The_registration_deadline_may_be_the_start_itself()
    {
        await S.ScheduleAsync(Session(closes: SessionStart));
        Assert.Single(await S.Procurement.GetArrayAsync(S.Sessions));
    }

    [Fact]
    public async Task Bidders_evaluators_and_legal_cannot_schedule()
    {
        var bidder = await S.BidderAsync(S.Zorgplus);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.PostAsJsonAsync(S.Sessions, Session())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await S.App.Legal().PostAsJsonAsync(S.Sessions, Session())).StatusCode);
        Assert.Empty(await S.Procurement.GetArrayAsync(S.Sessions));
    }

    [Fact]
    public async Task An_edit_raises_the_sequence_is_audited_and_tells_the_registered_organisations()
    {
        var session = await S.ScheduleAsync();
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 2);
        var moved = await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}", Session(start: SessionStart.AddDays(1), title: "Sessie 2 Zorg op maat (verplaatst)"));
        var view = JsonNode.Parse(await moved.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, view["sequence"]!.GetValue<int>());

        var audit = Assert.Single(await S.AuditAsync("consultation.session.updated"));
        Assert.Contains("verplaatst", audit.PayloadJson);
        var bidderId = await S.UserIdAsync("bo.zorgplus");
        var note = Assert.Single(await S.NotificationsAsync("consultation.session.updated"));
        Assert.Equal(bidderId, note.UserId);
        Assert.Contains("verplaatst", note.TextNl);
    }

    [Fact]
    public async Task Capacity_cannot_shrink_below_the_registered_attendees_but_growing_promotes_the_waiting_list()
    {
        var session = await S.ScheduleAsync(Session(capacity: 3));
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 3);
        var waiting = await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 2);
        Assert.Equal("WaitingList", waiting["status"]!.GetValue<string>());

        var shrink = await (await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}", Session(capacity: 2))).ProblemAsync(409);
        Assert.Equal("CapacityBelowRegisteredRule", shrink["rule"]!.GetValue<string>());

        Assert.True((await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}", Session(capacity: 5))).IsSuccessStatusCode);
        var oost = await S.BidderAsync(S.Oost);
        var own = Assert.Single(await oost.GetArrayAsync($"{S.Sessions}/{session}/registrations"));
        Assert.Equal("Registered", own!["status"]!.GetValue<string>());
        Assert.Single(await S.AuditAsync("consultation.registration.promoted"));
    }

    [Fact]
    public async Task Cancelling_a_session_tells_everyone_registered_or_waiting_and_closes_registration()
    {
        var session = await S.ScheduleAsync(Session(capacity: 1));
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 1);
        await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 1);

        Assert.Equal(HttpStatusCode.NoContent, (await S.Procurement.PostAsync($"{S.Sessions}/{session}/cancel", null)).StatusCode);

        Assert.Equal(2, (await S.NotificationsAsync("consultation.session.cancelled")).Count);
        Assert.Single(await S.AuditAsync("consultation.session.cancelled"));
        var again = await (await S.RegisterAsync(await S.BidderAsync(S.Werkplaats), session, "Werkplaats", 1)).ProblemAsync(409);
        Assert.Equal("SessionCancelledRule", again["rule"]!.GetValue<string>());
        var edit = await (await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}", Session())).ProblemAsync(409);
        Assert.Equal("SessionCancelledRule", edit["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_cannot_be_changed_once_it_has_started()
    {
        var session = await S.ScheduleAsync();
        S.App.Clock.SetUtcNow(SessionStart);
        var procurement = S.App.Procurement();
        var problem = await (await procurement.PostAsync($"{S.Sessions}/{session}/cancel", null)).ProblemAsync(409);
        Assert.Equal("SessionAlreadyStartedRule", problem["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_still_to_come_can_be_cancelled_after_publication_and_everyone_is_told()
    {
        using var s = await StartAsync(deadlines: new { publication = "2027-03-02T09:00:00Z", applicationsClose = "2027-06-01T10:00:00Z" });
        var session = await s.ScheduleAsync();
        await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 1);
        s.App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var procurement = s.App.Procurement();
        Assert.True((await procurement.FireAsync(s.Tender, "publish")).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsync($"{s.Sessions}/{session}/cancel", null)).StatusCode);

        Assert.Single(await s.NotificationsAsync("consultation.session.cancelled"));
        Assert.True((await procurement.GetJsonAsync($"{s.Sessions}/{session}"))["cancelled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Withdrawing_the_tender_cancels_the_sessions_still_to_come_and_tells_everyone_registered()
    {
        var past = await S.ScheduleAsync(Session(start: SessionStart.AddDays(-5), closes: SessionStart.AddDays(-6), title: "Sessie 1"));
        var upcoming = await S.ScheduleAsync(Session(title: "Sessie 2"));
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), upcoming, "Zorgplus", 1);
        S.App.Clock.SetUtcNow(SessionStart.AddDays(-4));
        var procurement = S.App.Procurement();

        var cancelled = await procurement.FireAsync(S.Tender, "cancel", "Budget vervalt.");

        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        Assert.False((await procurement.GetJsonAsync($"{S.Sessions}/{past}"))["cancelled"]!.GetValue<bool>());
        Assert.True((await procurement.GetJsonAsync($"{S.Sessions}/{upcoming}"))["cancelled"]!.GetValue<bool>());
        var note = Assert.Single(await S.NotificationsAsync("consultation.session.cancelled"));
        Assert.Equal(await S.UserIdAsync("bo.zorgplus"), note.UserId);
        Assert.Single(await S.AuditAsync("consultation.session.cancelled"));
        Assert.Contains("STATUS:CANCELLED", await S.App.CreateClient().GetStringAsync($"/api/public/sessions/{upcoming}.ics"));
    }

    [Fact]
    public async Task Sessions_can_no_longer_be_scheduled_once_the_tender_is_published()
    {
        using var s = await StartAsync(deadlines: new { publication = "2027-03-02T09:00:00Z", applicationsClose = "2027-06-01T10:00:00Z" });
        s.App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var procurement = s.App.Procurement();
        Assert.True((await procurement.FireAsync(s.Tender, "publish")).IsSuccessStatusCode);
        var problem = await (await procurement.PostAsJsonAsync(s.Sessions, Session())).ProblemAsync(409);
        Assert.Equal("ConsultationClosedRule", problem["rule"]!.GetValue<string>());
    }
}
