using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Seed;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Seed;

/// <summary>One demo-mode start shared by the tests that only read what it created.</summary>
public sealed class SeededDemo : IDisposable
{
    public SeededDemo()
    {
        Logins = App.Services.GetRequiredService<DemoMode>().CreatedLogins;
    }

    public TenderFlowFactory App { get; } = new() { Demo = true };

    public IReadOnlyList<DemoLogin> Logins { get; }

    public Task<HttpClient> ClientAsync(string userName) => DemoSignIn.ClientAsync(App, userName, DemoMode.DefaultPassword);

    public void Dispose() => App.Dispose();
}
