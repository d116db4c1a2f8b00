using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Authorization;

public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly TenderFlowFactory _app = new();
    private MatrixWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = new MatrixWorld(_app);
        await _world.InitialiseAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var served = EndpointCatalog.Keys(_app.Services.GetRequiredService<EndpointDataSource>());
        var missing = served.Except(AuthorizationMatrix.Rows.Keys).ToList();
        var stale = AuthorizationMatrix.Rows.Keys.Except(served).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in AuthorizationMatrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints the app no longer serves: " + string.Join(", ", stale));
    }

    /// <summary>Refused means: not signed in (401, or a redirect to the log-in page), forbidden (403 or the access-denied page), or hidden (404).</summary>
    private static bool Refused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect
                && (location.Contains("/Accounts/Login?ReturnUrl", StringComparison.Ordinal) || location.Contains("/Accounts/AccessDenied", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_callers_in_its_row()
    {
        var wrong = new List<string>();
        foreach (var (key, row) in AuthorizationMatrix.Rows)
        {
            foreach (var caller in Callers.Everyone)
            {
                var world = _world;
                if (row.FreshTender)
                {
                    world = _world.WithTender(await _world.NewTenderAsync());
                }
                using var client = world.Client(caller);
                using var response = await row.Send(client, world);
                var allowed = row.Allowed.Contains(caller);
                if (Refused(response) == allowed)
                {
                    wrong.Add($"{key} as {caller}: expected {(allowed ? "allowed" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
