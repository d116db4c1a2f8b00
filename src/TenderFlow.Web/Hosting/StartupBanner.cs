using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TenderFlow.Web.Hosting;

/// <summary>What a newcomer needs after the run command: where it listens, where its data is, how to get in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        var data = app.Services.GetRequiredService<DataDirectory>();
        var catalog = app.Services.GetRequiredService<DefinitionCatalog>();
        Console.WriteLine($"""

            TenderFlow is running at {url}
              data:        {data.DatabaseFile}
              procedures:  {string.Join(", ", catalog.Current.Select(d => $"{d.Id} v{d.Version}"))}
              health:      {url}/health      API reference: {url}/scalar
              e-mail:      {app.Services.GetRequiredService<Features.Notifications.Mail.IMailTransport>().Description}
            """);
        if (TransportAdvice.For(app.Environment, app.Configuration, addresses) is { } advice)
        {
            Console.WriteLine(advice);
        }
        var demo = app.Services.GetRequiredService<DemoMode>();
        if (demo.CreatedLogins.Count > 0)
        {
            Console.WriteLine($"  Demo data created. Sign in at {url}/Accounts/Login with password: {demo.Password}");
            foreach (var login in demo.CreatedLogins)
            {
                Console.WriteLine($"    {login.Role,-12} {login.UserName,-28} {login.DisplayName}{(login.Organisation is null ? "" : $" ({login.Organisation})")}");
            }
        }
        else
        {
            Console.WriteLine(demo.Enabled
                ? $"  Sign in at {url}/Accounts/Login (demo users were created on the first start; password from Demo:Password, default {DemoMode.DefaultPassword})."
                : $"  Started without demo data (--no-demo). Sign in at {url}/Accounts/Login.");
        }
        Console.WriteLine();
    }
}
