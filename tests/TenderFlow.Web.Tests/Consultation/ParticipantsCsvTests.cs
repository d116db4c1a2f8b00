using System.Net;
using System.Net.Http.Json;
using System.Text;
using TenderFlow.Web.Features.Consultation;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class ParticipantsCsvTests
{
    [Theory]
    [InlineData("Ans de Vries", "\"Ans de Vries\"")]
    [InlineData("Zorg \"Plus\"", "\"Zorg \"\"Plus\"\"\"")]
    [InlineData("regel 1\nregel 2, met komma", "\"regel 1\nregel 2, met komma\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+31 30 123", "\"'+31 30 123\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("", "\"\"")]
    public void Fields_are_quoted_and_formulas_defused(string value, string expected) => Assert.Equal(expected, CsvWriter.Field(value));

    [Fact]
    public async Task Procurement_and_legal_export_every_attendee_with_status_and_attendance_and_the_export_is_audited()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync(Session(capacity: 1));
        var zorgplus = await s.BidderAsync(s.Zorgplus);
        await s.RegisteredAsync(zorgplus, session, "Zorgplus", 1);
        var werkplaats = await s.BidderAsync(s.Werkplaats);
        await werkplaats.PostAsJsonAsync($"{s.Sessions}/{session}/registrations",
            new { attendees = new[] { new { name = "=cmd|' /C calc'!A0", email = "piet@werkplaats.example.nl", function = "@bestuurder" } } });
        var oost = await s.BidderAsync(s.Oost);
        var cancelled = await s.RegisteredAsync(oost, session, "Oost", 1);
        await oost.DeleteAsync($"{s.Sessions}/{session}/registrations/{cancelled["id"]}");

        var response = await s.Procurement.GetAsync($"/api/tenders/{s.Tender}/consultation/participants.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"session\",\"start (Europe/Amsterdam)\",\"organisation\",\"kvk\",\"attendee\",\"function\",\"email\",\"status\",\"attended\"", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("\"Sessie 2 Zorg op maat\",\"2027-03-10 14:00\",\"Zorgplus Utrecht\",\"12345678\",\"Zorgplus deelnemer 1\",\"Teamleider\",\"deelnemer1@zorgplus.example.nl\",\"registered\",\"\"", lines[1]);
        Assert.Equal("\"Sessie 2 Zorg op maat\",\"2027-03-10 14:00\",\"'=De Werkplaats\",\"11223344\",\"'=cmd|' /C calc'!A0\",\"'@bestuurder\",\"piet@werkplaats.example.nl\",\"waiting list\",\"\"", lines[2]);
        Assert.EndsWith("\"Buurtzorg Oost\",\"87654321\",\"Oost deelnemer 1\",\"Teamleider\",\"deelnemer1@oost.example.nl\",\"cancelled\",\"\"", lines[3]);
        Assert.Single(await s.AuditAsync("consultation.participants.exported"));

        Assert.Equal(HttpStatusCode.OK, (await s.App.Legal().GetAsync($"/api/tenders/{s.Tender}/consultation/participants.csv")).StatusCode);
        foreach (var refused in new[] { zorgplus, s.App.ClientAs("eva.beoordelaar", "Evaluator"), s.App.ClientAs("ad.min", "Admin") })
        {
            Assert.True((await refused.GetAsync($"/api/tenders/{s.Tender}/consultation/participants.csv")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        }
        Assert.Equal(2, (await s.AuditAsync("consultation.participants.exported")).Count);

        // A cancelled session's people are not listed as if it were still to take place.
        Assert.Equal(HttpStatusCode.NoContent, (await s.Procurement.PostAsync($"{s.Sessions}/{session}/cancel", null)).StatusCode);
        var after = (await s.Procurement.GetStringAsync($"/api/tenders/{s.Tender}/consultation/participants.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\"session cancelled\",\"\"", after[1]);
        Assert.EndsWith("\"session cancelled\",\"\"", after[2]);
        Assert.EndsWith("\"cancelled\",\"\"", after[3]);
    }

    [Fact]
    public async Task Admin_does_not_read_the_attendees_of_a_session()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync();
        await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 1);
        var admin = s.App.ClientAs("ad.min", "Admin");

        Assert.True((await admin.GetAsync($"{s.Sessions}/{session}/registrations")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.DoesNotContain("deelnemer1@zorgplus.example.nl", await admin.GetStringAsync($"/tenders/{s.Tender}/consultation/{session}"));
        Assert.Contains("deelnemer1@zorgplus.example.nl", await s.App.Legal().GetStringAsync($"/tenders/{s.Tender}/consultation/{session}"));
    }
}
