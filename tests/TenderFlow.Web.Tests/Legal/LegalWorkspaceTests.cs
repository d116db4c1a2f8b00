using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Legal;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Legal;

public sealed class LegalWorkspaceTests(LegalProcedureFixture fixture) : IClassFixture<LegalProcedureFixture>
{
    private DemoProcedure Procedure => fixture.Procedure;
    private string Legal => $"{Procedure.Api}/legal";
    private HttpClient Jurist => Procedure.Client("jurist");

    private async Task<JsonObject> TimelineAsync(string query = "") => await Jurist.GetJsonAsync($"{Legal}/timeline?{query}");

    private static List<JsonObject> Events(JsonObject timeline) => timeline["events"]!.AsArray().Select(e => e!.AsObject()).ToList();

    /// <summary>Every matching event, all pages.</summary>
    private async Task<List<JsonObject>> AllAsync(string query)
    {
        var first = await TimelineAsync(query);
        var events = Events(first);
        for (var page = 2; page <= first["pageCount"]!.GetValue<int>(); page++)
        {
            events.AddRange(Events(await TimelineAsync($"{query}&page={page}")));
        }
        Assert.Equal(first["matching"]!.GetValue<int>(), events.Count);
        return events;
    }

    [Fact]
    public async Task Legal_sees_every_event_the_audit_api_returns()
    {
        var audit = await Jurist.GetArrayAsync($"{Procedure.Api}/audit");
        var all = await AllAsync("");
        Assert.Equal(audit.Count, all.Count);
        Assert.Equal(audit.Select(e => e!["sequence"]!.GetValue<long>()), all.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.Contains(all, e => e["action"]!.GetValue<string>() == "tender.trigger.fired");
    }

    [Fact]
    public async Task Each_filter_narrows_to_what_it_names()
    {
        var total = (await TimelineAsync())["total"]!.GetValue<int>();

        var dialogue = await AllAsync("phase=dialogue");
        Assert.InRange(dialogue.Count, 1, total - 1);
        Assert.All(dialogue, e => Assert.Equal("dialogue", e["phase"]!.GetValue<string>()));
        Assert.Contains(dialogue, e => e["action"]!.GetValue<string>() == "dialogue.message.posted");

        var reads = await AllAsync("readsOnly=true");
        Assert.InRange(reads.Count, 1, total - 1);
        Assert.All(reads, e => Assert.EndsWith(".read", e["action"]!.GetValue<string>()));

        var kind = await AllAsync("kind=award");
        Assert.NotEmpty(kind);
        Assert.All(kind, e => Assert.StartsWith("award.", e["action"]!.GetValue<string>()));

        var juristId = await Procedure.UserIdAsync("jurist");
        var jurist = await AllAsync($"actor={juristId}");
        Assert.NotEmpty(jurist);
        Assert.All(jurist, e => Assert.Equal(juristId, e["actorId"]!.GetValue<string>()));

        var wijkzorg = await Procedure.OrganisationOfAsync("wijkzorg");
        var organisation = await AllAsync($"organisation={wijkzorg}");
        Assert.NotEmpty(organisation);
        Assert.All(organisation, e => Assert.Equal(wijkzorg.ToString(), e["organisationId"]!.GetValue<string>()));

        var search = await AllAsync("q=MONITORINGVOORSTEL");
        Assert.NotEmpty(search);
        Assert.All(search, e => Assert.Contains("monitoringvoorstel", e.ToJsonString(), StringComparison.OrdinalIgnoreCase));

        var wijkzorgUser = await Procedure.UserIdAsync("wijkzorg");
        var combined = await AllAsync($"phase=dialogue&kind=dialogue&actor={wijkzorgUser}");
        Assert.NotEmpty(combined);
        Assert.All(combined, e =>
        {
            Assert.Equal("dialogue", e["phase"]!.GetValue<string>());
            Assert.StartsWith("dialogue.", e["action"]!.GetValue<string>());
            Assert.Equal(wijkzorgUser, e["actorId"]!.GetValue<string>());
        });
        Assert.True(combined.Count < dialogue.Count);
    }

    [Fact]
    public async Task A_date_range_keeps_the_events_of_those_Amsterdam_days()
    {
        var all = await AllAsync("");
        var day = AmsterdamTime.ToLocal(all[all.Count / 2]["occurredAtUtc"]!.GetValue<DateTime>()).ToString("yyyy-MM-dd");
        var inDay = await AllAsync($"from={day}&to={day}");
        var expected = all.Where(e => AmsterdamTime.ToLocal(e["occurredAtUtc"]!.GetValue<DateTime>()).ToString("yyyy-MM-dd") == day).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e["sequence"]!.GetValue<long>()), inDay.Select(e => e["sequence"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("from=2027-02-30")]
    [InlineData("to=morgen")]
    [InlineData("from=2028-01-02&to=2028-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    public async Task A_bad_date_is_a_problem(string query)
    {
        var response = await Jurist.GetAsync($"{Legal}/timeline?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("LegalTimelineFilterRule", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Who_saw_what_lists_a_documents_read_with_person_and_time()
    {
        var items = await Jurist.GetArrayAsync($"{Legal}/reads");
        Assert.Contains(items, i => i!["kind"]!.GetValue<string>() == "dialogue-theme");
        Assert.Contains(items, i => i!["kind"]!.GetValue<string>() == "dialogue-message");
        string? read = null;
        foreach (var item in items.Where(i => i!["kind"]!.GetValue<string>() == "document"))
        {
            var id = item!["subject"]!.GetValue<string>()["document/".Length..];
            if ((await Jurist.GetAsync($"/api/documents/{id}")).IsSuccessStatusCode)
            {
                read = item["subject"]!.GetValue<string>();
                break;
            }
        }
        Assert.NotNull(read);
        var now = Procedure.App.Clock.GetUtcNow().UtcDateTime;
        var detail = await Jurist.GetJsonAsync($"{Legal}/reads?subject={read}");
        Assert.NotNull(detail["created"]);
        var last = detail["reads"]!.AsArray().Last()!;
        Assert.Equal(await Procedure.UserIdAsync("jurist"), last["actorId"]!.GetValue<string>());
        Assert.Equal("Legal", last["role"]!.GetValue<string>());
        Assert.Equal(now, last["atUtc"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Equal(detail["reads"]!.AsArray().Count, detail["readCount"]!.GetValue<int>());

        var page = await Jurist.GetStringAsync($"/tenders/{Procedure.Tender}/juridisch/inzage/detail?subject={read}");
        Assert.Contains($"#{last["sequence"]!.GetValue<long>()}", page);
    }

    [Theory]
    [InlineData("nonsense", HttpStatusCode.BadRequest)]
    [InlineData("tender/00000000-0000-0000-0000-000000000001", HttpStatusCode.BadRequest)]
    [InlineData("document/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("dialogue-message/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task A_subject_must_be_well_formed_and_of_this_tender(string subject, HttpStatusCode status)
    {
        Assert.Equal(status, (await Jurist.GetAsync($"{Legal}/reads?subject={subject}")).StatusCode);
        Assert.Equal(status, (await Jurist.GetAsync($"/tenders/{Procedure.Tender}/juridisch/inzage/detail?subject={subject}")).StatusCode);
    }

    [Fact]
    public async Task A_message_shows_its_author_and_length_never_its_text()
    {
        var items = await Jurist.GetArrayAsync($"{Legal}/reads");
        var messages = items.Where(i => i!["kind"]!.GetValue<string>() == "dialogue-message").ToList();
        Assert.Equal(2, messages.Count);
        foreach (var message in messages)
        {
            var detail = await Jurist.GetJsonAsync($"{Legal}/reads?subject={message!["subject"]!.GetValue<string>()}");
            Assert.Equal("dialogue.message.posted", detail["created"]!["action"]!.GetValue<string>());
            Assert.Contains("tekens", detail["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task No_message_text_appears_in_any_page_or_api()
    {
        var urls = new List<string>
        {
            $"{Legal}/reads", $"{Legal}/planning.svg", $"/tenders/{Procedure.Tender}/juridisch/inzage", $"/tenders/{Procedure.Tender}/juridisch/planning",
            $"/tenders/{Procedure.Tender}/juridisch?q=dialoog",
        };
        var timeline = await TimelineAsync();
        for (var page = 1; page <= timeline["pageCount"]!.GetValue<int>(); page++)
        {
            urls.Add($"{Legal}/timeline?page={page}");
            urls.Add($"/tenders/{Procedure.Tender}/juridisch?page={page}");
        }
        foreach (var item in await Jurist.GetArrayAsync($"{Legal}/reads"))
        {
            var subject = item!["subject"]!.GetValue<string>();
            urls.Add($"{Legal}/reads?subject={subject}");
            urls.Add($"/tenders/{Procedure.Tender}/juridisch/inzage/detail?subject={subject}");
        }
        foreach (var url in urls)
        {
            var response = await Jurist.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain(DemoProcedure.PartnerMessageMarker, text);
            Assert.DoesNotContain(DemoProcedure.ParticipantMessageMarker, text);
        }
    }

    [Fact]
    public async Task The_planning_picture_is_svg_with_an_actual_bar_per_visited_phase()
    {
        var response = await Jurist.GetAsync($"{Legal}/planning.svg");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var rows = svg.Descendants(PlanningChart.Svg + "g").Where(g => (string?)g.Attribute("class") == "phase-row")
            .ToDictionary(g => (string)g.Attribute("data-phase")!);
        Assert.Equal(DemoProcedure.Phases, rows.Keys);
        Assert.All(rows.Values, row => Assert.Contains(row.Elements(PlanningChart.Svg + "rect"), r => (string?)r.Attribute("class") == "bar-actual"));
        Assert.Contains(svg.Descendants(PlanningChart.Svg + "g"), g => (string?)g.Attribute("class") == "deadline-row");
    }

    [Fact]
    public async Task The_person_filter_names_roles_in_the_pages_language()
    {
        var page = await (await Jurist.GetAsync($"/tenders/{Procedure.Tender}/juridisch?culture=nl")).Content.ReadAsStringAsync();

        var options = System.Text.RegularExpressions.Regex.Matches(page, "<option value=\"[^\"]+\"[^>]*>([^<]*)</option>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(options, o => o.EndsWith("(Inkoop (Procurement))", StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.EndsWith(" (Procurement)", StringComparison.Ordinal) && !o.Contains("Inkoop", StringComparison.Ordinal));
    }

    public static TheoryData<string> Routes => new()
    {
        "/api/tenders/{0}/legal/timeline", "/api/tenders/{0}/legal/reads", "/api/tenders/{0}/legal/planning.svg",
        "/tenders/{0}/juridisch", "/tenders/{0}/juridisch/inzage", "/tenders/{0}/juridisch/planning",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_wrong_side_is_refused_everywhere(string route)
    {
        var url = string.Format(route, Procedure.Tender);
        foreach (var user in new[] { "wijkzorg", "begeleidthuis", "beoordelaar", "partner" })
        {
            var status = (await Procedure.Client(user).GetAsync(url)).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} on {url}: {(int)status}");
        }
        using var anonymous = Procedure.App.CreateClient(new() { AllowAutoRedirect = false });
        var anonymousStatus = (await anonymous.GetAsync(url)).StatusCode;
        Assert.True(anonymousStatus is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"anonymous on {url}: {(int)anonymousStatus}");
        Assert.True((await Jurist.GetAsync(url)).IsSuccessStatusCode);
    }
}
