using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class RegistrationTests : ConsultationScenarioTests
{
    [Fact]
    public async Task A_null_attendee_or_attendance_mark_is_a_400_naming_the_item_and_nothing_is_stored()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        var zorgplus = await S.BidderAsync(S.Zorgplus);

        var register = await zorgplus.PostAsync($"{S.Sessions}/{session}/registrations",
            new StringContent("{\"attendees\":[{\"name\":\"Bo\",\"email\":\"bo@zorgplus.example\",\"function\":\"Teamleider\"},null]}", System.Text.Encoding.UTF8, "application/json"));
        var marks = await S.Procurement.PutAsync($"{S.Sessions}/{session}/attendance",
            new StringContent("{\"marks\":[null]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.NotNull((await register.ProblemAsync(400))["errors"]!["attendees[1]"]);
        Assert.NotNull((await marks.ProblemAsync(400))["errors"]!["marks[0]"]);
        Assert.Empty(await S.AuditAsync("consultation.registration.registered"));
    }

    [Fact]
    public async Task Registration_is_open_until_the_deadline_by_the_server_clock_and_closed_at_it()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        S.App.Clock.SetUtcNow(RegistrationCloses.AddTicks(-1));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        var registered = await S.RegisteredAsync(zorgplus, session, "Zorgplus", 2);
        Assert.Equal("Registered", registered["status"]!.GetValue<string>());

        S.App.Clock.SetUtcNow(RegistrationCloses);
        var oost = await S.BidderAsync(S.Oost);
        var late = await (await S.RegisterAsync(oost, session, "Oost", 1)).ProblemAsync(409);
        Assert.Equal("RegistrationClosedRule", late["rule"]!.GetValue<string>());
        // Cancelling is closed at the same moment: the list Procurement prepares the room with stays as it is.
        var cancel = await (await zorgplus.DeleteAsync($"{S.Sessions}/{session}/registrations/{registered["id"]}")).ProblemAsync(409);
        Assert.Equal("RegistrationClosedRule", cancel["rule"]!.GetValue<string>());
        Assert.Single(await S.App.Procurement().GetArrayAsync($"{S.Sessions}/{session}/registrations"));
    }

    [Fact]
    public async Task A_full_session_puts_the_whole_registration_on_the_waiting_list_and_a_cancellation_promotes_first_come_first_served()
    {
        var session = await S.ScheduleAsync(Session(capacity: 3));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        var first = await S.RegisteredAsync(zorgplus, session, "Zorgplus", 2);
        // One place is left but Oost brings two: the whole registration waits, nobody is split off.
        var oost = await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 2);
        // Werkplaats would fit in the one place left, but does not pass Oost, who came first.
        var werkplaats = await S.RegisteredAsync(await S.BidderAsync(S.Werkplaats), session, "Werkplaats", 1);
        Assert.Equal("Registered", first["status"]!.GetValue<string>());
        Assert.Equal("WaitingList", oost["status"]!.GetValue<string>());
        Assert.Equal(1, oost["waitingPosition"]!.GetValue<int>());
        Assert.Equal("WaitingList", werkplaats["status"]!.GetValue<string>());
        Assert.Equal(2, werkplaats["waitingPosition"]!.GetValue<int>());
        var view = await S.Procurement.GetJsonAsync($"{S.Sessions}/{session}");
        Assert.Equal(1, view["placesLeft"]!.GetValue<int>());
        Assert.Equal(3, view["waitingAttendees"]!.GetValue<int>());
        Assert.Equal(2, (await S.AuditAsync("consultation.registration.waitlisted")).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await zorgplus.DeleteAsync($"{S.Sessions}/{session}/registrations/{first["id"]}")).StatusCode);

        var all = await S.Procurement.GetArrayAsync($"{S.Sessions}/{session}/registrations");
        Assert.Equal(["Cancelled", "Registered", "Registered"], all.Select(r => r!["status"]!.GetValue<string>()).ToArray());
        Assert.Equal(["Zorgplus Utrecht", "Buurtzorg Oost", "=De Werkplaats"], all.Select(r => r!["organisationName"]!.GetValue<string>()).ToArray());
        var promoted = await S.AuditAsync("consultation.registration.promoted");
        Assert.Equal(2, promoted.Count);
        Assert.Contains(S.Oost.ToString(), promoted[0].PayloadJson);
        Assert.Contains(S.Werkplaats.ToString(), promoted[1].PayloadJson);
        Assert.Single(await S.AuditAsync("consultation.registration.cancelled"));
        var notes = await S.NotificationsAsync("consultation.registration.promoted");
        Assert.Equal(new[] { await S.UserIdAsync("olaf.oost"), await S.UserIdAsync("wim.werkplaats") }.Order(), notes.Select(n => n.UserId).Order());
    }

    [Fact]
    public async Task Promotion_stops_at_the_first_waiting_registration_that_does_not_fit()
    {
        var session = await S.ScheduleAsync(Session(capacity: 3));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        var first = await S.RegisteredAsync(zorgplus, session, "Zorgplus", 1);
        await S.RegisteredAsync(await S.BidderAsync(S.Werkplaats), session, "Werkplaats", 2);
        var oost = await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 3);
        Assert.Equal("WaitingList", oost["status"]!.GetValue<string>());

        await zorgplus.DeleteAsync($"{S.Sessions}/{session}/registrations/{first["id"]}");

        var own = Assert.Single(await (await S.BidderAsync(S.Oost)).GetArrayAsync($"{S.Sessions}/{session}/registrations"));
        Assert.Equal("WaitingList", own!["status"]!.GetValue<string>());
        Assert.Empty(await S.AuditAsync("consultation.registration.promoted"));
    }

    [Fact]
    public async Task A_bidder_cannot_cancel_another_organisations_registration()
    {
        var session = await S.ScheduleAsync();
        var registration = await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 1);
        var oost = await S.BidderAsync(S.Oost);

        var problem = await (await oost.DeleteAsync($"{S.Sessions}/{session}/registrations/{registration["id"]}")).ProblemAsync(404);
        Assert.Equal("RegistrationNotFoundRule", problem["rule"]!.GetValue<string>());
        var still = Assert.Single(await S.Procurement.GetArrayAsync($"{S.Sessions}/{session}/registrations"));
        Assert.Equal("Registered", still!["status"]!.GetValue<string>());
        Assert.Empty(await S.AuditAsync("consultation.registration.cancelled"));
    }

    [Fact]
    public async Task A_bidder_registers_only_its_own_organisation_whatever_the_request_says()
    {
        var session = await S.ScheduleAsync();
        var oost = await S.BidderAsync(S.Oost);
        var response = await oost.PostAsJsonAsync($"{S.Sessions}/{session}/registrations",
            new { organisationId = S.Zorgplus, attendees = new[] { new { name = "Ans de Vries", email = "ans@oost.example.nl", function = "Directeur" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = Assert.Single(await S.Procurement.GetArrayAsync($"{S.Sessions}/{session}/registrations"));
        Assert.Equal(S.Oost.ToString(), stored!["organisationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bidder_never_sees_another_organisations_attendees()
    {
        var session = await S.ScheduleAsync();
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 2);
        var oost = await S.BidderAsync(S.Oost);
        await S.RegisteredAsync(oost, session, "Oost", 1);

        var registrations = await oost.GetArrayAsync($"{S.Sessions}/{session}/registrations");
        var own = Assert.Single(registrations);
        Assert.Equal(S.Oost.ToString(), own!["organisationId"]!.GetValue<string>());
        foreach (var url in new[] { $"{S.Sessions}/{session}/registrations", S.Sessions, $"{S.Sessions}/{session}", $"/tenders/{S.Tender}", $"/openbaar/{S.Reference}" })
        {
            var text = await (await oost.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("zorgplus", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await oost.GetAsync($"/api/tenders/{S.Tender}/consultation/participants.csv")).StatusCode);
    }

    [Fact]
    public async Task Staff_and_organisations_without_a_bidder_cannot_register()
    {
        var session = await S.ScheduleAsync();
        var problem = await (await S.RegisterAsync(S.Procurement, session, "Gemeente", 1)).ProblemAsync(403);
        Assert.Equal("BidderOrganisationRule", problem["rule"]!.GetValue<string>());
        var loose = await S.App.Users.ClientAsync("losse.aanbieder", null, "Bidder");
        Assert.Equal("BidderOrganisationRule", (await (await S.RegisterAsync(loose, session, "Los", 1)).ProblemAsync(403))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organisation_registers_once_and_names_valid_attendees()
    {
        var session = await S.ScheduleAsync(Session(capacity: 3));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        async Task<string> Rule(object body, int status = 400) =>
            (await (await zorgplus.PostAsJsonAsync($"{S.Sessions}/{session}/registrations", body)).ProblemAsync(status))["rule"]!.GetValue<string>();

        Assert.Equal("AttendeesRequiredRule", await Rule(new { attendees = Array.Empty<object>() }));
        Assert.Equal("TooManyAttendeesRule", await Rule(Attendees("Zorgplus", 4)));
        Assert.Equal("AttendeeEmailRule", await Rule(new { attendees = new[] { new { name = "Ans", email = "geen-adres", function = "Directeur" } } }));
        Assert.Equal("AttendeeNameRule", await Rule(new { attendees = new[] { new { name = " ", email = "ans@z.example.nl", function = "Directeur" } } }));
        Assert.Equal("AttendeeFunctionRule", await Rule(new { attendees = new[] { new { name = "Ans", email = "ans@z.example.nl", function = "" } } }));
        Assert.Equal("DuplicateAttendeeRule", await Rule(new { attendees = new[] { new { name = "Ans", email = "ans@z.example.nl", function = "A" }, new { name = "Ans", email = "ANS@z.example.nl", function = "B" } } }));
        Assert.Empty(await S.Procurement.GetArrayAsync($"{S.Sessions}/{session}/registrations"));

        await S.RegisteredAsync(zorgplus, session, "Zorgplus", 1);
        Assert.Equal("AlreadyRegisteredRule", await Rule(Attendees("Zorgplus", 1), 409));
    }

    [Fact]
    public async Task Bidders_of_other_organisations_cannot_see_sessions_of_a_tender_that_is_not_announced()
    {
        using var s = await StartAsync(announce: false);
        var session = await s.ScheduleAsync();
        var oost = await s.BidderAsync(s.Oost);
        Assert.Equal(HttpStatusCode.NotFound, (await oost.GetAsync(s.Sessions)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.RegisterAsync(oost, session, "Oost", 1)).StatusCode);
    }

    [Fact]
    public async Task Registration_closes_with_the_consultation_phase()
    {
        using var s = await StartAsync(deadlines: new { publication = "2027-03-02T09:00:00Z", applicationsClose = "2027-06-01T10:00:00Z" });
        var session = await s.ScheduleAsync();
        s.App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero));
        Assert.True((await s.App.Procurement().FireAsync(s.Tender, "publish")).IsSuccessStatusCode);
        var problem = await (await s.RegisterAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 1)).ProblemAsync(409);
        Assert.Equal("ConsultationClosedRule", problem["rule"]!.GetValue<string>());
    }
}
