using System.Net;
using TenderFlow.Web.Tests.Authorization;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines.Changes;

/// <summary>The /tenders/{id}/termijnen page over HTTP (the browser test covers the clicking): who sees the forms, and the rules as messages.</summary>
public sealed class DeadlineChangePageTests : IAsyncLifetime
{
    private readonly TenderFlowFactory _app = new();
    private DeadlineChangeWorld _world = null!;

    public async Task InitializeAsync() => _world = await new DeadlineChangeWorld(_app).StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The page as text: Razor encodes "+" as "&#x2B;".</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private string Url => $"/tenders/{_world.Tender}/termijnen";

    /// <summary>Posts the change form as a browser does, with the revision the page showed (now, unless <paramref name="expectedRevision"/> says which).</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string date, string time, string reason, bool outage = false, string? choice = null,
        long? expectedRevision = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["key"] = key, ["date"] = date, ["time"] = time, ["reason"] = reason,
            ["expectedRevision"] = (expectedRevision ?? await _world.RevisionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (outage)
        {
            fields["outage"] = "true";
        }
        if (choice is not null)
        {
            fields["choice"] = choice;
        }
        return await MatrixWorld.PostFormAsync(client, Url + "?handler=Change", fields);
    }

    [Fact]
    public async Task A_bidder_reads_the_deadlines_in_Amsterdam_time_but_gets_no_form()
    {
        var bidder = await _world.Asker();

        var page = await TextAsync(await bidder.GetAsync(Url));

        Assert.Contains("21-03-2027 12:00 (+01:00)", page);
        Assert.Contains("10-04-2027 12:00 (+02:00)", page);
        Assert.DoesNotContain("handler=Change", page);
        var refused = await PostAsync(bidder, "questionsClose", "2027-03-28", "12:00", "Ik wil meer tijd");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(DeadlineChangeWorld.QuestionsClose.UtcDateTime, await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task Procurement_sees_a_form_per_planned_deadline()
    {
        var page = await TextAsync(await _world.Procurement().GetAsync(Url));

        Assert.Contains("id=\"change-questionsClose\"", page);
        Assert.Contains("id=\"change-applicationsClose\"", page);
        Assert.DoesNotContain("id=\"change-nviPublication\"", page);
        Assert.Contains("id=\"outage-questionsClose\"", page);
    }

    /// <summary>Planned through the API at 23:59:59: the form showed 23:59, so moving only the date saved it 59 seconds earlier.</summary>
    [Fact]
    public async Task A_moment_with_seconds_keeps_them_when_only_its_date_is_changed_on_the_form()
    {
        var procurement = _world.Procurement();
        Assert.Equal(HttpStatusCode.OK, (await _world.ChangeAsync(procurement, "applicationsClose", "2027-04-17T23:59:59", "Tot het einde van de dag")).StatusCode);
        var page = await TextAsync(await procurement.GetAsync(Url));
        Assert.Contains("name=\"time\" value=\"23:59:59\" step=\"1\"", page);
        Assert.Contains("17-04-2027 23:59:59 (+02:00)", page);

        var response = await PostAsync(procurement, "applicationsClose", "2027-04-24", "23:59:59", "Een week langer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateTime(2027, 4, 24, 21, 59, 59, DateTimeKind.Utc), await _world.DueAsync("applicationsClose"));
    }

    [Fact]
    public async Task A_form_from_before_a_colleagues_change_comes_back_as_a_message_and_changes_nothing()
    {
        var procurement = _world.Procurement();
        var page = await TextAsync(await procurement.GetAsync(Url));
        var seen = await _world.RevisionAsync();
        Assert.Contains($"name=\"expectedRevision\" value=\"{seen}\"", page);
        Assert.Equal(HttpStatusCode.OK, (await _world.ChangeAsync(procurement, "applicationsClose", "2027-04-17T12:00", "Meer tijd voor combinaties")).StatusCode);

        var response = await PostAsync(procurement, "questionsClose", "2027-03-28", "12:00", "Extra vragenronde", expectedRevision: seen);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await TextAsync(response);
        Assert.Contains("role=\"alert\"", text);
        Assert.Contains("De aanbesteding is intussen gewijzigd", text);
        Assert.Equal(DeadlineChangeWorld.QuestionsClose.UtcDateTime, await _world.DueAsync("questionsClose"));
    }

    /// <summary>Read as "no revision", a form without one would skip the check that a colleague changed the tender meanwhile.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("99999999999999999999999")]
    public async Task A_form_without_a_readable_revision_is_refused_and_changes_nothing(string? revision)
    {
        var fields = new Dictionary<string, string> { ["key"] = "questionsClose", ["date"] = "2027-03-28", ["time"] = "12:00", ["reason"] = "Extra vragenronde" };
        if (revision is not null)
        {
            fields["expectedRevision"] = revision;
        }

        var response = await MatrixWorld.PostFormAsync(_world.Procurement(), Url + "?handler=Change", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dit formulier is niet compleet aangekomen", await TextAsync(response));
        Assert.Equal(DeadlineChangeWorld.QuestionsClose.UtcDateTime, await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task A_passed_deadline_comes_back_as_a_message_and_stays()
    {
        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose);

        var response = await PostAsync(_world.Procurement(), "questionsClose", "2027-03-28", "12:00", "Extra vragenronde");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("is verstreken (21-03-2027 12:00 (+01:00))", page);
        Assert.Equal(DeadlineChangeWorld.QuestionsClose.UtcDateTime, await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task A_spring_night_time_is_refused_naming_the_gap()
    {
        var response = await PostAsync(_world.Procurement(), "questionsClose", "2027-03-28", "02:30", "Nachtelijke sluiting");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("de klok gaat die nacht van 02:00 naar 03:00", page);
        Assert.Contains("id=\"date-questionsClose-error\"", page);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("2027-03-28", "")]
    [InlineData("morgen", "12:00")]
    public async Task A_missing_or_unreadable_date_is_asked_for_in_the_portal_s_words(string date, string time)
    {
        var before = await _world.DueAsync("questionsClose");

        var response = await PostAsync(_world.Procurement(), "questionsClose", date, time, "Extra vragenronde");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("Vul een geldige nieuwe datum en tijd in.", page);
        Assert.Contains("id=\"date-questionsClose-error\"", page);
        Assert.DoesNotContain("geen geldig moment", page);
        Assert.Equal(before, await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task A_missing_reason_is_still_reported_before_a_missing_date()
    {
        var response = await PostAsync(_world.Procurement(), "questionsClose", "", "", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("id=\"reason-questionsClose-error\"", page);
        Assert.DoesNotContain("Vul een geldige nieuwe datum en tijd in.", page);
    }

    [Fact]
    public async Task An_autumn_night_time_asks_which_moment_and_the_choice_settles_it()
    {
        var procurement = _world.Procurement();

        var asked = await PostAsync(procurement, "applicationsClose", "2027-10-31", "02:30", "Na de zomer");

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        var page = await TextAsync(asked);
        Assert.Contains("type=\"radio\" id=\"choice-applicationsClose-0\" name=\"choice\" value=\"+02:00\"", page);
        Assert.Contains("type=\"radio\" id=\"choice-applicationsClose-1\" name=\"choice\" value=\"+01:00\"", page);
        Assert.Contains("31-10-2027 02:30 (+01:00)", page);

        var chosen = await PostAsync(procurement, "applicationsClose", "2027-10-31", "02:30", "Na de zomer", choice: "+01:00");

        Assert.True(chosen.IsSuccessStatusCode, await chosen.Content.ReadAsStringAsync());
        var confirmed = await TextAsync(chosen);
        Assert.Contains("31-10-2027 02:30 (+01:00)", confirmed);
        // The confirmation is said once, by the layout's status region.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(confirmed, "role=\"status\""));
        Assert.Contains("Alle betrokkenen hebben bericht gekregen", confirmed);
        Assert.Equal(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), await _world.DueAsync("applicationsClose"));
    }

    [Fact]
    public async Task An_outage_extension_through_the_page_is_audited_as_such()
    {
        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose.AddMinutes(30));

        var response = await PostAsync(_world.Procurement(), "questionsClose", "2027-03-22", "12:00", "Storing TenderFlow", outage: true);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("deadline.extended", (await _world.AuditAsync())[^1]!["action"]!.GetValue<string>());
    }
}
