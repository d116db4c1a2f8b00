using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>Real Identity users, signed in through /api/auth/login; tokens are cached per factory.</summary>
public sealed class TestUsers(TenderFlowFactory app)
{
    public const string Password = "Test-Password-2027";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<TenderFlowUser> EnsureAsync(string userName, Guid? organisationId, params string[] roles)
    {
        await _gate.WaitAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new TenderFlowUser { UserName = userName, Email = $"{userName}@example.test", EmailConfirmed = true, DisplayName = userName, OrganisationId = organisationId };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRolesAsync(user, roles));
            }
            return user;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> TokenAsync(string userName, Guid? organisationId, params string[] roles)
    {
        var key = $"{userName}|{organisationId}|{string.Join(",", roles)}";
        // Tokens expire by the app's (fake) clock; a test that moves the clock on signs in again.
        if (_tokens.TryGetValue(key, out var cached) && app.Clock.GetUtcNow() - cached.IssuedAt < TimeSpan.FromMinutes(30))
        {
            return cached.Token;
        }
        await EnsureAsync(userName, organisationId, roles);
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = userName, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login of {userName} failed: {body}");
        var token = JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
        _tokens[key] = (token, app.Clock.GetUtcNow());
        return token;
    }

    public async Task<HttpClient> ClientAsync(string userName, Guid? organisationId, params string[] roles)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, organisationId, roles));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
