using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Seed;

public sealed class DemoPasswordTests
{
    [Fact]
    public async Task Every_seeded_user_signs_in_with_the_configured_password_and_not_with_the_default()
    {
        const string configured = "Wijkgericht-Samen-2030";
        using var app = new TenderFlowFactory { Demo = true };
        using var configuredApp = app.WithWebHostBuilder(b => b.UseSetting("Demo:Password", configured));
        var logins = configuredApp.Services.GetRequiredService<DemoMode>().CreatedLogins;
        Assert.Equal(9, logins.Count);

        await Task.WhenAll(logins.Select(l => DemoSignIn.ClientAsync(configuredApp, l.UserName, configured)));
        var withDefault = await DemoSignIn.LoginAsync(configuredApp, "admin", DemoMode.DefaultPassword);
        Assert.False(withDefault.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_password_the_rules_refuse_stops_the_start_and_leaves_no_half_demo()
    {
        using var data = new TempDirectory();
        using (var app = new TenderFlowFactory(data.Path) { Demo = true })
        using (var refused = app.WithWebHostBuilder(b => b.UseSetting("Demo:Password", "kort")))
        {
            var error = Assert.ThrowsAny<Exception>(() => refused.Services);
            Assert.Contains("Demo:Password", error.ToString());
        }

        using var empty = new TenderFlowFactory(data.Path);
        using var scope = empty.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Organisations.CountAsync());
        Assert.Equal(0, await db.Tenders.CountAsync());
    }
}
