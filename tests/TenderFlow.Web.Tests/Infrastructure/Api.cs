using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>Small helpers around the tender API so tests read like the procedure.</summary>
public static class Api
{
    /// <summary>A publication date a minute ahead of the fake clock: a planned date must lie in the future when the tender is created.</summary>
    public static DateTimeOffset PublicationSoon(this TenderFlowFactory app) => app.Clock.GetUtcNow().AddMinutes(1);

    /// <summary>Moves the fake clock past <see cref="PublicationSoon"/>, so the tender may be published.</summary>
    public static void PassPublication(this TenderFlowFactory app) => app.Clock.Advance(TimeSpan.FromMinutes(1));

    public static async Task<JsonObject> CreateTenderAsync(this HttpClient client, string definitionId = "sas-dialogue", string? reference = null,
        object? deadlines = null)
    {
        var response = await client.PostAsJsonAsync("/api/tenders", new
        {
            definitionId,
            reference = reference ?? "UTR-" + Guid.NewGuid().ToString("N")[..8],
            title = "Specialistische begeleiding Wmo 2027",
            deadlines,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static Task<HttpResponseMessage> FireAsync(this HttpClient client, string tenderId, string trigger, string? reason = null, long? expectedRevision = null) =>
        client.PostAsJsonAsync($"/api/tenders/{tenderId}/triggers/{trigger}", new { reason, expectedRevision });

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsArray();
    }

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(body)!.AsObject();
    }

    public static string Id(this JsonObject tender) => tender["id"]!.GetValue<string>();

    public static string Phase(this JsonObject tender) => tender["phase"]!["id"]!.GetValue<string>();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
