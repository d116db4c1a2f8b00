using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>
/// A session's online meeting link goes to confirmed registrations and staff only: the public page and the anonymous
/// calendar file announce the session so organisations can register, and capacity and the waiting list would mean
/// nothing if anyone could join through the link.
/// </summary>
public sealed class OnlineLinkTests : IAsyncLifetime
{
    private const string Link = "https://teams.example.nl/sessie-2";
    private ConsultationScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Anonymous_visitors_and_unregistered_or_waiting_organisations_do_not_get_the_link_registered_ones_and_staff_do()
    {
        var session = await _s.ScheduleAsync(Session(capacity: 2, onlineUrl: Link));
        var zorgplus = await _s.BidderAsync(_s.Zorgplus);
        await _s.RegisteredAsync(zorgplus, session, "Zorgplus", 2);
        var oost = await _s.BidderAsync(_s.Oost);
        Assert.Equal("WaitingList", (await _s.RegisteredAsync(oost, session, "Oost", 1))["status"]!.GetValue<string>());
        var werkplaats = await _s.BidderAsync(_s.Werkplaats);
        var anonymous = _s.App.CreateClient();
        var ics = $"/api/public/sessions/{session}.ics";

        Assert.DoesNotContain(Link, await anonymous.GetStringAsync($"/openbaar/{_s.Reference}"));
        Assert.DoesNotContain(Link, await anonymous.GetStringAsync(ics));
        foreach (var outsider in new[] { oost, werkplaats })
        {
            Assert.DoesNotContain(Link, await outsider.GetStringAsync($"{_s.Sessions}/{session}"));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync(_s.Sessions));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync($"/tenders/{_s.Tender}/consultation/{session}"));
            Assert.DoesNotContain(Link, await outsider.GetStringAsync(ics));
        }
        foreach (var insider in new[] { zorgplus, _s.Procurement })
        {
            Assert.Equal(Link, (await insider.GetJsonAsync($"{_s.Sessions}/{session}"))["onlineUrl"]!.GetValue<string>());
            Assert.Contains(Link, await insider.GetStringAsync($"/tenders/{_s.Tender}/consultation/{session}"));
            Assert.Contains(Link, await insider.GetStringAsync(ics));
        }
    }

    [Fact]
    public async Task A_change_notified_to_a_waiting_organisation_does_not_carry_the_link_in_its_calendar_event()
    {
        var session = await _s.ScheduleAsync(Session(capacity: 1, onlineUrl: Link, location: null));
        await _s.RegisteredAsync(await _s.BidderAsync(_s.Zorgplus), session, "Zorgplus", 1);
        await _s.RegisteredAsync(await _s.BidderAsync(_s.Oost), session, "Oost", 1);

        Assert.True((await _s.Procurement.PutAsJsonAsync($"{_s.Sessions}/{session}",
            Session(capacity: 1, onlineUrl: Link, location: null, start: SessionStart.AddHours(1)))).IsSuccessStatusCode);

        var notes = await _s.NotificationsAsync("consultation.session.updated");
        var oost = await _s.UserIdAsync("olaf.oost");
        var zorgplus = await _s.UserIdAsync("bo.zorgplus");
        var waiting = Assert.Single(notes, n => n.UserId == oost);
        var registered = Assert.Single(notes, n => n.UserId == zorgplus);
        Assert.NotEqual(Link, waiting.Calendar!.Location);
        Assert.Equal(Link, registered.Calendar!.Location);
    }
}
