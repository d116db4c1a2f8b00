using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Seed;

public sealed class DemoRestartTests
{
    [Fact]
    public async Task A_second_start_on_the_same_data_creates_nothing_more()
    {
        using var data = new TempDirectory();
        DemoSnapshot first;
        using (var app = new TenderFlowFactory(data.Path) { Demo = true })
        {
            Assert.NotEmpty(app.Services.GetRequiredService<DemoMode>().CreatedLogins);
            first = await DemoSnapshot.ReadAsync(app);
        }

        using var again = new TenderFlowFactory(data.Path) { Demo = true };
        Assert.Empty(again.Services.GetRequiredService<DemoMode>().CreatedLogins);
        var second = await DemoSnapshot.ReadAsync(again);
        Assert.Equal(first.Organisations, second.Organisations);
        Assert.Equal(first.Users, second.Users);
        Assert.Equal(first.Tenders, second.Tenders);
        Assert.Equal(first.EvaluatorAssignments, second.EvaluatorAssignments);
        Assert.Equal(first.AuditEvents, second.AuditEvents);
    }

    [Fact]
    public async Task Two_fresh_data_directories_get_the_same_demo()
    {
        using var one = new TenderFlowFactory { Demo = true };
        using var other = new TenderFlowFactory { Demo = true };
        var a = await DemoSnapshot.ReadAsync(one);
        var b = await DemoSnapshot.ReadAsync(other);

        Assert.NotEmpty(a.Organisations);
        Assert.Equal(a.Organisations, b.Organisations);
        Assert.Equal(a.Users, b.Users);
        Assert.Equal(a.Tenders, b.Tenders);
        Assert.Equal(one.Services.GetRequiredService<DemoMode>().CreatedLogins, other.Services.GetRequiredService<DemoMode>().CreatedLogins);
    }

    [Fact]
    public async Task Without_demo_mode_the_database_stays_empty()
    {
        using var app = new TenderFlowFactory();
        var snapshot = await DemoSnapshot.ReadAsync(app);
        Assert.False(app.Services.GetRequiredService<DemoMode>().Enabled);
        Assert.Empty(app.Services.GetRequiredService<DemoMode>().CreatedLogins);
        Assert.Empty(snapshot.Users);
        Assert.Empty(snapshot.Organisations);
        Assert.Empty(snapshot.Tenders);
    }

    [Fact]
    public async Task A_database_that_already_has_a_user_is_left_alone_in_demo_mode()
    {
        using var data = new TempDirectory();
        using (var app = new TenderFlowFactory(data.Path))
        {
            await app.Users.EnsureAsync("eigen.beheerder", null, "Admin");
        }

        using var demo = new TenderFlowFactory(data.Path) { Demo = true };
        Assert.Empty(demo.Services.GetRequiredService<DemoMode>().CreatedLogins);
        var snapshot = await DemoSnapshot.ReadAsync(demo);
        Assert.Single(snapshot.Users);
        Assert.Empty(snapshot.Organisations);
        Assert.Empty(snapshot.Tenders);
    }
}
