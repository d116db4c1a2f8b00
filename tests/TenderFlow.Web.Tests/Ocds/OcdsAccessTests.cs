using System.Net;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>Who may read the export: the authority's staff always; anyone else (signed in or not) only once the tender is announced.</summary>
public sealed class OcdsAccessTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task Before_the_announcement_only_staff_read_the_export_and_everyone_else_gets_the_unknown_tender_problem()
    {
        var tender = (await _app.Procurement().CreateTenderAsync()).Id();
        var organisation = await _app.OrganisationAsync("Zorg Oost", "12345678");
        var outsiders = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = _app.CreateClient(),
            ["bidder"] = await _app.Users.ClientAsync("bea.bieder", organisation, "Bidder"),
            ["evaluator"] = _app.ClientAs("eva.beoordelaar", "Evaluator"),
            ["partner"] = _app.ClientAs("piet.partner", "Partner"),
        };
        foreach (var (who, client) in outsiders)
        {
            foreach (var path in new[] { "ocds", "ocds/record" })
            {
                var response = await client.GetAsync($"/api/tenders/{tender}/{path}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} {path}: {response.StatusCode}");
                Assert.Equal("TenderNotFoundRule", (await response.ProblemAsync(404))["rule"]!.GetValue<string>());
            }
        }
        foreach (var staff in new[] { _app.Procurement(), _app.Legal(), _app.ClientAs("adam.admin", "Admin") })
        {
            var releases = await staff.GetAsync($"/api/tenders/{tender}/ocds");
            Assert.Equal(HttpStatusCode.OK, releases.StatusCode);
            Assert.Empty(OcdsSchemas.ValidateReleasePackage(await releases.Content.ReadAsStringAsync()));
            var records = await staff.GetAsync($"/api/tenders/{tender}/ocds/record");
            Assert.Equal(HttpStatusCode.OK, records.StatusCode);
            Assert.Empty(OcdsSchemas.ValidateRecordPackage(await records.Content.ReadAsStringAsync()));
        }

        Assert.True((await _app.Procurement().PostAsync($"/api/tenders/{tender}/announce", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync($"/api/tenders/{tender}/ocds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outsiders["bidder"].GetAsync($"/api/tenders/{tender}/ocds/record")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_tender_is_a_problem_details_404_for_everyone()
    {
        foreach (var client in new[] { _app.CreateClient(), _app.Procurement() })
        {
            var response = await client.GetAsync($"/api/tenders/{Guid.NewGuid()}/ocds");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("TenderNotFoundRule", (await response.ProblemAsync(404))["rule"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_ocid_prefix_comes_from_configuration()
    {
        _app.Settings["Ocds:OcidPrefix"] = "ocds-abc123";
        var created = await _app.Procurement().CreateTenderAsync(reference: "UTR-OCID-1");
        var package = await _app.Procurement().GetJsonAsync($"/api/tenders/{created.Id()}/ocds");
        Assert.Equal("ocds-abc123-UTR-OCID-1", package["releases"]![0]!["ocid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cancelled_tender_ends_with_a_tender_cancellation_release_that_validates()
    {
        _app.Settings["Ocds:PublicBaseUri"] = "https://aanbestedingen.example.nl/";
        var procurement = _app.Procurement();
        var tender = (await procurement.CreateTenderAsync()).Id();
        Assert.True((await procurement.PostAsync($"/api/tenders/{tender}/announce", null)).IsSuccessStatusCode);
        Assert.True((await procurement.FireAsync(tender, "cancel", "Budget vervallen.")).IsSuccessStatusCode);

        var body = await (await _app.CreateClient().GetAsync($"/api/tenders/{tender}/ocds")).Content.ReadAsStringAsync();
        Assert.Empty(OcdsSchemas.ValidateReleasePackage(body));
        var package = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal($"https://aanbestedingen.example.nl/api/tenders/{tender}/ocds", package["uri"]!.GetValue<string>());
        var latest = package["releases"]!.AsArray()[^1]!;
        Assert.Equal("tenderCancellation", latest["tag"]![0]!.GetValue<string>());
        Assert.Equal("cancelled", latest["tender"]!["status"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
