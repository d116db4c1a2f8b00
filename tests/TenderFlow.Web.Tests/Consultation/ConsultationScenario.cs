using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Notifications;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>
/// An announced tender in its consultation phase (clock 2027-03-01 09:00 UTC, publication planned far ahead),
/// three bidder organisations, and helpers to schedule sessions and register attendees through the API.
/// </summary>
public sealed class ConsultationScenario : IDisposable
{
    public static readonly DateTimeOffset SessionStart = new(2027, 3, 10, 13, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset RegistrationCloses = new(2027, 3, 8, 11, 0, 0, TimeSpan.Zero);

    public TenderFlowFactory App { get; }
    public HttpClient Procurement { get; }
    public string Reference { get; } = "UTR-MC-" + Guid.NewGuid().ToString("N")[..6];
    public string Tender { get; private set; } = "";
    public Guid Zorgplus { get; private set; }
    public Guid Oost { get; private set; }
    public Guid Werkplaats { get; private set; }

    public ConsultationScenario(Dictionary<string, string>? settings = null)
    {
        App = new TenderFlowFactory { Settings = settings ?? [] };
        Procurement = App.Procurement();
    }

    public static async Task<ConsultationScenario> StartAsync(bool announce = true, object? deadlines = null,
        Dictionary<string, string>? settings = null)
    {
        var scenario = new ConsultationScenario(settings);
        scenario.Zorgplus = await scenario.App.OrganisationAsync("Zorgplus Utrecht", "12345678");
        scenario.Oost = await scenario.App.OrganisationAsync("Buurtzorg Oost", "87654321");
        scenario.Werkplaats = await scenario.App.OrganisationAsync("=De Werkplaats", "11223344");
        scenario.Tender = (await scenario.Procurement.CreateTenderAsync(reference: scenario.Reference,
            deadlines: deadlines ?? new { publication = "2027-05-15T10:00:00Z", applicationsClose = "2027-07-01T10:00:00Z" })).Id();
        if (announce)
        {
            Assert.True((await scenario.Procurement.PostAsync($"/api/tenders/{scenario.Tender}/announce", null)).IsSuccessStatusCode);
        }
        return scenario;
    }

    public string Sessions => $"/api/tenders/{Tender}/consultation/sessions";

    public Task<HttpClient> BidderAsync(Guid organisation) => App.Users.ClientAsync(
        organisation == Zorgplus ? "bo.zorgplus" : organisation == Oost ? "olaf.oost" : "wim.werkplaats", organisation, "Bidder");

    public static object Session(int capacity = 4, DateTimeOffset? start = null, DateTimeOffset? closes = null, string? onlineUrl = null,
        string title = "Sessie 2 Zorg op maat", string? location = "Stadskantoor Utrecht, Stadsplateau 1") => new
    {
        title,
        topic = "Wat betekent zorg op maat in tijden van schaarste?",
        audience = "Professionals",
        location,
        onlineUrl,
        startsAt = start ?? SessionStart,
        endsAt = (start ?? SessionStart).AddHours(2),
        capacity,
        registrationClosesAt = closes ?? RegistrationCloses,
    };

    public async Task<string> ScheduleAsync(object? session = null)
    {
        var response = await Procurement.PostAsJsonAsync(Sessions, session ?? Session());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static object Attendees(string organisation, int count) => new
    {
        attendees = Enumerable.Range(1, count).Select(i => new { name = $"{organisation} deelnemer {i}", email = $"deelnemer{i}@{organisation.ToLowerInvariant()}.example.nl", function = "Teamleider" }).ToArray(),
    };

    public Task<HttpResponseMessage> RegisterAsync(HttpClient bidder, string session, string organisation, int count) =>
        bidder.PostAsJsonAsync($"{Sessions}/{session}/registrations", Attendees(organisation, count));

    public async Task<JsonObject> RegisteredAsync(HttpClient bidder, string session, string organisation, int count)
    {
        var response = await RegisterAsync(bidder, session, organisation, count);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<List<AuditEvent>> AuditAsync(string action)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = Guid.Parse(Tender);
        return await db.AuditEvents.AsNoTracking().Where(e => e.TenderId == tender && e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<List<Notification>> NotificationsAsync(string kind)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync();
    }

    public async Task<string?> UserIdAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync();
    }

    public void Dispose() => App.Dispose();
}
