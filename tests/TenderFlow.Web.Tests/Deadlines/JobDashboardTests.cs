using System.Net;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Deadlines;

public class JobDashboardTests
{
    [Theory]
    [InlineData("Procurement", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Legal", HttpStatusCode.Forbidden)]
    [InlineData("Evaluator", HttpStatusCode.Forbidden)]
    [InlineData("Bidder", HttpStatusCode.Forbidden)]
    public async Task Only_admin_and_procurement_open_the_job_dashboard(string role, HttpStatusCode expected)
    {
        using var app = new TenderFlowFactory();
        var client = await PortalForms.SignedInAsync(app, "gebruiker." + role.ToLowerInvariant(), role);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("TenderFlow — termijnen en taken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_the_login_page()
    {
        using var app = new TenderFlowFactory();
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
