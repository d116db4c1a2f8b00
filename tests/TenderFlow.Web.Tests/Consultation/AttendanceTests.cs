using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class AttendanceTests
{
    [Fact]
    public async Task Procurement_records_attendance_after_the_start_only_for_registered_attendees()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync(Session(capacity: 2));
        var registered = await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 2);
        var waiting = await s.RegisteredAsync(await s.BidderAsync(s.Oost), session, "Oost", 1);
        var present = registered["attendees"]![0]!["id"]!.GetValue<string>();
        var absent = registered["attendees"]![1]!["id"]!.GetValue<string>();
        var url = $"{s.Sessions}/{session}/attendance";
        object Marks(params (string Id, bool Attended)[] marks) => new { marks = marks.Select(m => new { attendeeId = m.Id, attended = m.Attended }) };

        var early = await (await s.Procurement.PutAsJsonAsync(url, Marks((present, true)))).ProblemAsync(409);
        Assert.Equal("AttendanceBeforeStartRule", early["rule"]!.GetValue<string>());

        s.App.Clock.SetUtcNow(SessionStart.AddMinutes(5));
        var procurement = s.App.Procurement();
        var bidder = await s.BidderAsync(s.Zorgplus);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.PutAsJsonAsync(url, Marks((present, true)))).StatusCode);
        var stranger = await (await procurement.PutAsJsonAsync(url, Marks((waiting["attendees"]![0]!["id"]!.GetValue<string>(), true)))).ProblemAsync(404);
        Assert.Equal("AttendeeNotFoundRule", stranger["rule"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PutAsJsonAsync(url, Marks((present, true), (absent, false)))).StatusCode);
        var attendees = (await procurement.GetArrayAsync($"{s.Sessions}/{session}/registrations"))[0]!["attendees"]!.AsArray();
        Assert.True(attendees.Single(a => a!["id"]!.GetValue<string>() == present)!["attended"]!.GetValue<bool>());
        Assert.False(attendees.Single(a => a!["id"]!.GetValue<string>() == absent)!["attended"]!.GetValue<bool>());
        var audit = Assert.Single(await s.AuditAsync("consultation.attendance.recorded"));
        Assert.Contains(present, audit.PayloadJson);

        var csv = await procurement.GetStringAsync($"/api/tenders/{s.Tender}/consultation/participants.csv");
        Assert.Contains("\"Zorgplus deelnemer 1\",\"Teamleider\",\"deelnemer1@zorgplus.example.nl\",\"registered\",\"yes\"", csv);
        Assert.Contains("\"Zorgplus deelnemer 2\",\"Teamleider\",\"deelnemer2@zorgplus.example.nl\",\"registered\",\"no\"", csv);
    }
}
