using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Deadlines;
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

    [Theory]
    [InlineData("Procurement")]
    [InlineData("Admin")]
    public async Task The_dashboard_only_shows_jobs_no_one_deletes_or_reruns_them_there_unaudited(string role)
    {
        using var app = new TenderFlowFactory();
        var tender = Guid.Parse((await app.Procurement().CreateTenderAsync()).Id());
        var wakeUp = app.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<DeadlineJobRunner>(r => r.RunDueAsync(tender, CancellationToken.None), TimeSpan.FromDays(3));
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var client = await PortalForms.SignedInAsync(app, "gebruiker." + role.ToLowerInvariant(), role);

        // As the dashboard's own buttons do: with the antiforgery token its page carries.
        var page = await (await client.GetAsync("/hangfire/jobs/scheduled")).Content.ReadAsStringAsync();
        client.DefaultRequestHeaders.Add(
            Regex.Match(page, "name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value,
            WebUtility.HtmlDecode(Regex.Match(page, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value));
        var delete = await client.PostAsync("/hangfire/jobs/scheduled/delete", new FormUrlEncodedContent([new("jobs[]", wakeUp)]));
        var enqueue = await client.PostAsync("/hangfire/jobs/scheduled/enqueue", new FormUrlEncodedContent([new("jobs[]", wakeUp)]));

        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, enqueue.StatusCode);
        Assert.Equal("Scheduled", monitoring.JobDetails(wakeUp)!.History[0].StateName);
    }
}
