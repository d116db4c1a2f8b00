using System.Net;
using System.Net.Http.Json;
using System.Text;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

public sealed class BadInputTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Unknown_tender_is_a_404_problem()
    {
        var response = await _app.Procurement().GetAsync($"/api/tenders/{Guid.NewGuid()}");
        Assert.Equal("TenderNotFoundRule", (await response.ProblemAsync(404))["rule"]!.GetValue<string>());
        var fire = await _app.Procurement().FireAsync(Guid.NewGuid().ToString(), "publish");
        await fire.ProblemAsync(404);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_400_naming_the_field()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var wrongType = await _app.Procurement().PostAsync($"/api/tenders/{tender.Id()}/triggers/cancel",
            new StringContent("{\"reason\": 42}", Encoding.UTF8, "application/json"));
        var problem = await wrongType.ProblemAsync(400);
        Assert.NotNull(problem["errors"]!["reason"]);

        var malformed = await _app.Procurement().PostAsync("/api/tenders",
            new StringContent("{\"definitionId\": \"sas-dialogue\", \"title\": ", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(400);

        var badDate = await _app.Procurement().PostAsync("/api/tenders",
            new StringContent("{\"definitionId\":\"sas-dialogue\",\"reference\":\"X-1\",\"title\":\"T\",\"deadlines\":{\"publication\":\"next tuesday\"}}", Encoding.UTF8, "application/json"));
        var dateProblem = await badDate.ProblemAsync(400);
        Assert.NotNull(dateProblem["errors"]!["deadlines.publication"]);
        Assert.Equal("consultation", (await _app.Procurement().GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }

    [Theory]
    [InlineData("c=en|uic=en", "nl", "The reason is longer")]
    [InlineData("c=nl|uic=nl", "en", "De reden is langer")]
    [InlineData(null, "en", "The reason is longer")]
    [InlineData(null, null, "De reden is langer")]
    public async Task A_refusal_speaks_the_portal_language_chosen_else_the_callers_Accept_Language(string? cookie, string? acceptLanguage, string expected)
    {
        var client = _app.Procurement();
        var tender = (await client.CreateTenderAsync()).Id();
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        }
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var problem = await (await client.FireAsync(tender, "cancel", new string('r', 4001))).ProblemAsync(400);

        Assert.StartsWith(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_long_and_missing_fields_are_refused_and_nothing_is_stored()
    {
        var client = _app.Procurement();
        var longReference = await client.PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = new string('X', 41), title = "T" });
        Assert.NotNull((await longReference.ProblemAsync(400))["errors"]!["reference"]);
        var noTitle = await client.PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = "UTR-1" });
        Assert.NotNull((await noTitle.ProblemAsync(400))["errors"]!["title"]);
        var longReason = await client.FireAsync((await client.CreateTenderAsync()).Id(), "cancel", new string('r', 4001));
        Assert.Equal("ReasonTooLongRule", (await longReason.ProblemAsync(400))["rule"]!.GetValue<string>());
        var unknownDefinition = await client.PostAsJsonAsync("/api/tenders", new { definitionId = "nope", reference = "UTR-2", title = "T" });
        Assert.NotNull((await unknownDefinition.ProblemAsync(400))["errors"]!["definitionId"]);
        var noDefinition = await client.PostAsJsonAsync("/api/tenders", new { reference = "UTR-4", title = "T" });
        Assert.NotNull((await noDefinition.ProblemAsync(400))["errors"]!["definitionId"]);
        var nullDefinition = await client.PostAsJsonAsync("/api/tenders", new { definitionId = (string?)null, reference = "UTR-5", title = "T" });
        Assert.NotNull((await nullDefinition.ProblemAsync(400))["errors"]!["definitionId"]);
        var unknownDeadline = await client.PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = "UTR-3", title = "T", deadlines = new { awardStandstillEnd = "2027-05-01T00:00:00Z" } });
        Assert.NotNull((await unknownDeadline.ProblemAsync(400))["errors"]!["deadlines.awardStandstillEnd"]);

        var list = await client.GetArrayAsync("/api/tenders");
        Assert.Single(list);
    }

    [Fact]
    public async Task A_duplicate_reference_is_a_conflict()
    {
        var client = _app.Procurement();
        await client.CreateTenderAsync(reference: "UTR-2027-001");
        var again = await client.PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = "UTR-2027-001", title = "T" });
        Assert.Equal("DuplicateReferenceRule", (await again.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/api/tenders", HttpStatusCode.Unauthorized)]
    [InlineData("/api/workflows", HttpStatusCode.Unauthorized)]
    [InlineData("/api/audit/verify", HttpStatusCode.Unauthorized)]
    public async Task Anonymous_callers_reach_only_health_and_the_openapi_document(string url, HttpStatusCode expected)
    {
        var response = await _app.CreateClient().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_are_refused()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = "A", title = "T" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Evaluator", "/api/audit/verify")]
    [InlineData("Procurement", "/api/audit/verify")]
    public async Task Roles_without_the_right_policy_get_403(string role, string url)
    {
        var response = await _app.ClientAs("someone", role).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Only_procurement_creates_tenders()
    {
        var response = await _app.ClientAs("ben.bidder", "Bidder").PostAsJsonAsync("/api/tenders", new { definitionId = "sas-dialogue", reference = "B", title = "T" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
