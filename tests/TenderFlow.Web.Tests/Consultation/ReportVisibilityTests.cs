using System.Net;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class ReportVisibilityTests
{
    private static async Task<string> UploadAsync(ConsultationScenario s, string session, bool isPublic)
    {
        var response = await s.Procurement.PostAsync($"{s.Sessions}/{session}/report",
            TestFiles.Form(TestFiles.Pdf("Verslag sessie 2"), "verslag-sessie-2.pdf", new Dictionary<string, string> { ["public"] = isPublic ? "true" : "false" }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["documentId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_report_that_is_not_public_is_for_staff_and_the_registered_organisations_only_and_their_reads_are_audited()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync(Session(capacity: 1));
        await s.RegisteredAsync(await s.BidderAsync(s.Zorgplus), session, "Zorgplus", 1);
        await s.RegisteredAsync(await s.BidderAsync(s.Oost), session, "Oost", 1); // waiting list
        var document = await UploadAsync(s, session, isPublic: false);
        var url = $"/api/documents/{document}";

        Assert.Equal(HttpStatusCode.OK, (await s.Procurement.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.App.Legal().GetAsync(url)).StatusCode);
        var registered = await s.BidderAsync(s.Zorgplus);
        var download = await registered.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(TestFiles.Pdf("Verslag sessie 2"), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await s.BidderAsync(s.Oost)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await s.BidderAsync(s.Werkplaats)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.ClientAs("eva.beoordelaar", "Evaluator").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.CreateClient().GetAsync(url)).StatusCode);

        // The registered organisation's session view links the report; the others' do not.
        Assert.Equal(document, (await registered.GetJsonAsync($"{s.Sessions}/{session}"))["reportDocumentId"]!.GetValue<string>());
        Assert.Null((await (await s.BidderAsync(s.Oost)).GetJsonAsync($"{s.Sessions}/{session}"))["reportDocumentId"]);
        Assert.Equal(3, (await s.AuditAsync("document.read")).Count);
        Assert.Single(await s.AuditAsync("consultation.report.published"));
        var note = Assert.Single(await s.NotificationsAsync("consultation.report.published"));
        Assert.Equal(await s.UserIdAsync("bo.zorgplus"), note.UserId);
    }

    [Fact]
    public async Task A_public_report_of_an_announced_tender_is_for_anyone_and_appears_on_the_public_page()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync();
        var document = await UploadAsync(s, session, isPublic: true);
        var anonymous = s.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await s.BidderAsync(s.Werkplaats)).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Contains($"/api/documents/{document}", await anonymous.GetStringAsync($"/openbaar/{s.Reference}"));
        Assert.Empty(await s.AuditAsync("document.read"));
    }

    [Fact]
    public async Task A_report_made_public_in_a_later_version_does_not_make_the_earlier_registered_only_version_public()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync();
        var registeredOnly = await UploadAsync(s, session, isPublic: false);
        var published = await UploadAsync(s, session, isPublic: true);
        var anonymous = s.App.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/documents/{registeredOnly}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/documents/{published}")).StatusCode);
        var ocds = await anonymous.GetStringAsync($"/api/tenders/{s.Tender}/ocds");
        Assert.Contains(published, ocds, StringComparison.Ordinal);
        Assert.DoesNotContain(registeredOnly, ocds, StringComparison.Ordinal);
        Assert.DoesNotContain(registeredOnly, await anonymous.GetStringAsync($"/openbaar/{s.Reference}"), StringComparison.Ordinal);

        // Made registered-only again, no version of it is public any more.
        var again = await UploadAsync(s, session, isPublic: false);
        foreach (var version in new[] { registeredOnly, published, again })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/documents/{version}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_public_report_of_a_tender_that_is_not_announced_stays_with_staff()
    {
        using var s = await StartAsync(announce: false);
        var session = await s.ScheduleAsync();
        var document = await UploadAsync(s, session, isPublic: true);
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.CreateClient().GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await s.BidderAsync(s.Oost)).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Procurement.GetAsync($"/api/documents/{document}")).StatusCode);
    }

    [Fact]
    public async Task Only_procurement_uploads_reports_and_only_real_documents()
    {
        using var s = await StartAsync();
        var session = await s.ScheduleAsync();
        var bidder = await s.BidderAsync(s.Zorgplus);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.PostAsync($"{s.Sessions}/{session}/report", TestFiles.Form(TestFiles.Pdf(), "v.pdf"))).StatusCode);
        var problem = await (await s.Procurement.PostAsync($"{s.Sessions}/{session}/report", TestFiles.Form(TestFiles.Executable(), "verslag.pdf"))).ProblemAsync(400);
        Assert.Equal("UnsupportedFileTypeRule", problem["rule"]!.GetValue<string>());
        Assert.Empty(await s.AuditAsync("consultation.report.published"));
    }
}
