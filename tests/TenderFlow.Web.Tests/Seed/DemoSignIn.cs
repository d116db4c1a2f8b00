using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TenderFlow.Web.Tests.Seed;

/// <summary>Signs in as a seeded user through the token API, the way an integrator would.</summary>
public static class DemoSignIn
{
    public static Task<HttpResponseMessage> LoginAsync(WebApplicationFactory<Program> app, string userName, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = userName, password });

    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> app, string userName, string password)
    {
        var response = await LoginAsync(app, userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login of {userName} failed: {(int)response.StatusCode} {body}");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["accessToken"]!.GetValue<string>());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }
}
