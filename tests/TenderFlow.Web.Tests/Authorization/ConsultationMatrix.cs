using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Authorization;

/// <summary>The consultation rows' situation: one session per tender (scheduled by Procurement), and a registration of the own organisation on request.</summary>
public static class ConsultationMatrix
{
    private static readonly ConcurrentDictionary<string, string> Sessions = new();

    public static object Session => new
    {
        title = "Sessie 1 Integrale gebiedsteams", topic = "Kansen, risico's en randvoorwaarden", audience = "Executives", location = "Stadskantoor Utrecht",
        startsAt = TenderFlowFactory.Start.AddDays(10), endsAt = TenderFlowFactory.Start.AddDays(10).AddHours(2), capacity = 20,
        registrationClosesAt = TenderFlowFactory.Start.AddDays(8),
    };

    public static object Attendees => new { attendees = new[] { new { name = "Bo de Boer", email = "bo@zorgplus.example.nl", function = "Bestuurder" } } };

    public static async Task<string> SessionAsync(MatrixWorld world)
    {
        if (Sessions.TryGetValue(world.Tender, out var known))
        {
            return known;
        }
        using var procurement = world.Client(Caller.Procurement);
        var response = await procurement.PostAsJsonAsync($"/api/tenders/{world.Tender}/consultation/sessions", Session);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Sessions.GetOrAdd(world.Tender, JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    public static async Task<string> Url(MatrixWorld world, string rest = "") =>
        $"/api/tenders/{world.Tender}/consultation/sessions/{await SessionAsync(world)}{rest}";

    public static async Task<string> Page(MatrixWorld world, string handler = "") =>
        $"/tenders/{world.Tender}/consultation/{await SessionAsync(world)}{(handler.Length == 0 ? "" : "?handler=" + handler)}";

    /// <summary>A fresh registration of the own organisation to cancel.</summary>
    public static async Task<string> RegistrationAsync(MatrixWorld world)
    {
        using var bidder = world.Client(Caller.BidderOwnOrganisation);
        var response = await bidder.PostAsJsonAsync(await Url(world, "/registrations"), Attendees);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }
}
