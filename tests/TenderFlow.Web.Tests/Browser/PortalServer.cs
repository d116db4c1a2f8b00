using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// The real app with the seeded demo, on a real Kestrel port (a browser cannot reach the in-memory TestServer),
/// with its own temp data directory and fake clock.
/// </summary>
public sealed class PortalServer : IDisposable
{
    public PortalServer()
    {
        App = new TenderFlowFactory { Demo = true };
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        SignIns = new SignInCache(BaseUrl);
    }

    public TenderFlowFactory App { get; }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>One form sign-in per demo user, reused by tests that are about a page rather than about signing in.</summary>
    public SignInCache SignIns { get; }

    /// <summary>An API client (bearer token) signed in as a demo user.</summary>
    public Task<HttpClient> ApiClientAsync(string userName) => Seed.DemoSignIn.ClientAsync(App, userName, DemoUsers.Password);

    public void Dispose() => App.Dispose();
}
