using System.Net;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Authorization;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed partial class ConsultationPortalTests
{
    [GeneratedRegex("<section aria-labelledby=\"consultation-heading\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex ConsultationSection();

    [Fact]
    public async Task The_public_page_announces_sessions_in_Amsterdam_time_with_places_left_and_a_calendar_link()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync(Session(capacity: 4, onlineUrl: "https://teams.example.nl/sessie-2"));
        await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 3);

        var html = await s.App.CreateClient().GetStringAsync($"/openbaar/{s.Reference}");
        var section = WebUtility.HtmlDecode(ConsultationSection().Match(html).Value);
        Assert.Contains("Sessie 2 Zorg op maat", section);
        Assert.Contains("2027-03-10 14:00 – 16:00", section);
        Assert.Contains("Uitvoerende professionals", section);
        Assert.Contains("Stadskantoor Utrecht", section);
        // The meeting link is for registered organisations: capacity and the waiting list would mean nothing if it were public.
        Assert.DoesNotContain("https://teams.example.nl/sessie-2", section);
        Assert.Contains("<td>1</td>", section);
        Assert.Contains($"/api/public/sessions/{session}.ics", section);
        Assert.DoesNotContain("Zorgplus", section);
    }

    [Fact]
    public async Task Procurement_schedules_through_the_portal_and_sees_counts_bidders_see_their_own_state()
    {
        using var s = await StartAsync();
        using var procurement = s.App.CreateClient(new() { AllowAutoRedirect = false });
        procurement.DefaultRequestHeaders.Authorization = s.Procurement.DefaultRequestHeaders.Authorization;
        var refused = await MatrixWorld.PostFormAsync(procurement, $"/tenders/{s.Tender}/consultation/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Sessie 1 Integrale gebiedsteams", ["Input.Topic"] = "Kansen en risico's", ["Input.Audience"] = "Executives",
            ["Input.Location"] = "Stadskantoor", ["Input.StartsAt"] = "2027-03-10T14:00", ["Input.EndsAt"] = "2027-03-10T13:00",
            ["Input.Capacity"] = "10", ["Input.RegistrationClosesAt"] = "2027-03-08T12:00",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync());

        // The night the clock goes forward has no 02:30: refused, not silently moved to 03:30.
        var skipped = await MatrixWorld.PostFormAsync(procurement, $"/tenders/{s.Tender}/consultation/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Sessie 1 Integrale gebiedsteams", ["Input.Topic"] = "Kansen en risico's", ["Input.Audience"] = "Executives",
            ["Input.Location"] = "Stadskantoor", ["Input.StartsAt"] = "2027-04-10T14:00", ["Input.EndsAt"] = "2027-04-10T16:00",
            ["Input.Capacity"] = "10", ["Input.RegistrationClosesAt"] = "2027-03-28T02:30",
        });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("bestaat niet in Nederlandse tijd", await skipped.Content.ReadAsStringAsync());
        Assert.Empty(await s.Procurement.GetArrayAsync(s.Sessions));

        var scheduled = await MatrixWorld.PostFormAsync(procurement, $"/tenders/{s.Tender}/consultation/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Sessie 1 Integrale gebiedsteams", ["Input.Topic"] = "Kansen en risico's", ["Input.Audience"] = "Executives",
            ["Input.Location"] = "Stadskantoor", ["Input.StartsAt"] = "2027-03-10T14:00", ["Input.EndsAt"] = "2027-03-10T16:00",
            ["Input.Capacity"] = "10", ["Input.RegistrationClosesAt"] = "2027-03-08T12:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var view = Assert.Single(await s.Procurement.GetArrayAsync(s.Sessions));
        // 14:00 entered in Amsterdam is 13:00 UTC in March.
        Assert.Equal(new DateTime(2027, 3, 10, 13, 0, 0, DateTimeKind.Utc), view!["startsAtUtc"]!.GetValue<DateTime>().ToUniversalTime());

        var session = view["id"]!.GetValue<string>();
        await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 2);
        var staffPage = ConsultationSection().Match(await s.Procurement.GetStringAsync($"/tenders/{s.Tender}")).Value;
        Assert.Contains($"/tenders/{s.Tender}/consultation/{session}", staffPage);
        Assert.Contains("participants.csv", staffPage);
        Assert.Contains("<td>2</td>", staffPage);

        var oostPage = ConsultationSection().Match(await (await s.BidderAsync(s.Oost)).GetStringAsync($"/tenders/{s.Tender}")).Value;
        Assert.Contains("#register-heading", oostPage);
        Assert.DoesNotContain("participants.csv", oostPage);
        var zorgplusPage = ConsultationSection().Match(await (await s.BidderAsync(s.Zorgplus)).GetStringAsync($"/tenders/{s.Tender}")).Value;
        Assert.Contains("handler=CancelRegistration", zorgplusPage);
    }
}
