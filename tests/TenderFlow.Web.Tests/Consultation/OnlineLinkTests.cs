using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>
/// A session's online meeting link goes to confirmed registrations and staff only: the public page and the anonymous
/// calendar file announce the session so organisations can register, and capacity and the waiting list would mean
/// nothing if anyone could join through the link.
/// </summary>
public sealed class OnlineLinkTests : ConsultationScenarioTests
{
    private const string Link = "https://teams.example.nl/sessie-2";

    [Fact]
    public async Task Anonymous_visitors_and_unregistered_or_waiting_organisations_do_not_get_the_link_registered_ones_and_staff_do()
    {
        var session = await S.ScheduleAsync(Session(capacity: 2, onlineUrl: Link));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        await S.RegisteredAsync(zorgplus, session, "Zorgplus", 2);
        var oost = await S.BidderAsync(S.Oost);
        Assert.Equal("WaitingList", (await S.RegisteredAsync(oost, session, "Oost", 1))["status"]!.GetValue<string>());
        var werkplaats = await S.BidderAsync(S.Werkplaats);
        var anonymous = S.App.CreateClient();
        var ics = $"/api/public/sessions/{session}.ics";

        Assert.DoesNotContain(Link, await anonymous.GetStringAsync($"/openbaar/{S.Reference}"));
        Assert.DoesNotContain(Link, await anonymous.GetStringAsync(ics));
        foreach (var outsider in new[] { oost, werkplaats })
        {
            Assert.DoesNotContain(Link, await outsider.GetStringAsync($"{S.Sessions}/{session}"));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync(S.Sessions));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync($"/tenders/{S.Tender}/consultation/{session}"));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync(ics));
        }
        foreach (var insider in new[] { zorgplus, S.Procurement })
        {
            Assert.Equal(Link, (await insider.GetJsonAsync($"{S.Sessions}/{session}"))["onlineUrl"]!.GetValue<string>());
            Assert.Contains(Link, await insider.GetStringAsync($"/tenders/{S.Tender}/consultation/{session}"));
            Assert.Contains(Link, await insider.GetStringAsync(ics));
        }
    }

    [Fact]
    public async Task A_change_notified_to_a_waiting_organisation_does_not_carry_the_link_in_its_calendar_event()
    {
        var session = await S.ScheduleAsync(Session(capacity: 1, onlineUrl: Link, location: null));
        await S.RegisteredAsync(await S.BidderAsync(S.Zorgplus), session, "Zorgplus", 1);
        await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 1);

        Assert.True((await S.Procurement.PutAsJsonAsync($"{S.Sessions}/{session}",
            Session(capacity: 1, onlineUrl: Link, location: null, start: SessionStart.AddHours(1)))).IsSuccessStatusCode);

        var notes = await S.NotificationsAsync("consultation.session.updated");
        var oost = await S.UserIdAsync("olaf.oost");
        var zorgplus = await S.UserIdAsync("bo.zorgplus");
        var waiting = Assert.Single(notes, n => n.UserId == oost);
        var registered = Assert.Single(notes, n => n.UserId == zorgplus);
        Assert.NotEqual(Link, waiting.Calendar!.Location);
        Assert.Equal(Link, registered.Calendar!.Location);
    }
}
