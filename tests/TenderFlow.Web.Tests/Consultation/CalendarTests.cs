using System.Net;
using System.Net.Http.Json;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class CalendarTests : ConsultationScenarioTests
{
    private static Dictionary<string, string> Properties(string ics) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);

    [Fact]
    public async Task Anyone_downloads_a_session_as_a_calendar_event_in_UTC_with_a_stable_uid_and_a_rising_sequence()
    {
        var session = await S.ScheduleAsync(Session(onlineUrl: "https://teams.example.nl/sessie-2"));
        var anonymous = S.App.CreateClient();

        var response = await anonymous.GetAsync($"/api/public/sessions/{session}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var first = Properties(ics);
        Assert.Equal("PUBLISH", first["METHOD"]);
        Assert.Equal("20270310T130000Z", first["DTSTART"]);
        Assert.Equal("20270310T150000Z", first["DTEND"]);
        Assert.Equal("0", first["SEQUENCE"]);
        Assert.Equal("CONFIRMED", first["STATUS"]);
        Assert.Equal("Sessie 2 Zorg op maat", first["SUMMARY"]);
        Assert.Contains("Stadskantoor Utrecht", first["LOCATION"]);
        Assert.Contains(S.Reference, first["DESCRIPTION"]);
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length);

        Assert.True((await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}", Session(start: SessionStart.AddHours(1)))).IsSuccessStatusCode);
        var moved = Properties(await anonymous.GetStringAsync($"/api/public/sessions/{session}.ics"));
        Assert.Equal(first["UID"], moved["UID"]);
        Assert.Equal("1", moved["SEQUENCE"]);
        Assert.Equal("20270310T140000Z", moved["DTSTART"]);

        Assert.True((await S.Procurement.PostAsync($"{S.Sessions}/{session}/cancel", null)).IsSuccessStatusCode);
        var cancelled = Properties(await anonymous.GetStringAsync($"/api/public/sessions/{session}.ics"));
        Assert.Equal(first["UID"], cancelled["UID"]);
        Assert.Equal("2", cancelled["SEQUENCE"]);
        Assert.Equal("CANCELLED", cancelled["STATUS"]);
    }

    [Fact]
    public async Task Sessions_of_a_tender_that_is_not_announced_have_no_calendar_file()
    {
        using var s = await StartAsync(announce: false);
        var session = await s.ScheduleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.CreateClient().GetAsync($"/api/public/sessions/{session}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.CreateClient().GetAsync($"/api/public/sessions/{Guid.NewGuid()}.ics")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_file_links_to_the_configured_public_address_not_to_the_host_the_request_named()
    {
        using var s = await StartAsync(settings: new() { ["Ocds:PublicBaseUri"] = "https://aanbestedingen.example.nl/" });
        var session = await s.ScheduleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/sessions/{session}.ics");
        request.Headers.Host = "phishing.example.com";

        var ics = await (await s.App.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        var description = Properties(ics)["DESCRIPTION"];
        Assert.Contains($"https://aanbestedingen.example.nl/openbaar/{s.Reference}", description);
        Assert.DoesNotContain("phishing", ics);
    }
}
