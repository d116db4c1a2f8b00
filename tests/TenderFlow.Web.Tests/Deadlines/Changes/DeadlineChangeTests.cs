using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines.Changes;

public sealed class DeadlineChangeTests : IAsyncLifetime
{
    private readonly TenderFlowFactory _app = new();
    private DeadlineChangeWorld _world = null!;

    private static DateTime Utc(DateTimeOffset moment) => moment.UtcDateTime;

    public async Task InitializeAsync() => _world = await new DeadlineChangeWorld(_app).StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string Rule(JsonObject problem) => problem["rule"]!.GetValue<string>();

    [Fact]
    public async Task A_passed_deadline_cannot_be_changed_and_nothing_changes()
    {
        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose);
        var auditBefore = (await _world.AuditAsync()).Count;
        var jobsBefore = await _world.PlannedAsync();

        var refused = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T12:00", "Extra vragenronde");

        var problem = await refused.ProblemAsync(409);
        Assert.Equal("DeadlinePassedRule", Rule(problem));
        Assert.Contains("21-03-2027 12:00 (+01:00)", problem["detail"]!.GetValue<string>());
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), await _world.DueAsync("questionsClose"));
        // Seven calendar days across the spring clock change: 28 March 12:00 (+02:00).
        Assert.Equal(new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc), await _world.DueAsync("nviPublication"));
        Assert.Equal(auditBefore, (await _world.AuditAsync()).Count);
        Assert.Equal(jobsBefore, await _world.PlannedAsync());
        Assert.Empty(await _world.NotificationsAsync("deadline.changed"));
    }

    [Fact]
    public async Task A_change_that_puts_questions_after_applications_is_refused_naming_both_and_nothing_changes()
    {
        var auditBefore = (await _world.AuditAsync()).Count;

        var refused = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-04-12T12:00", "Meer tijd voor vragen");

        var problem = await refused.ProblemAsync(400);
        Assert.Equal("DeadlineOrderRule", Rule(problem));
        Assert.NotNull(problem["errors"]!["dueAt"]);
        Assert.Equal("'Applications close' (10-04-2027 12:00 (+02:00)) must come after 'Questions close' (12-04-2027 12:00 (+02:00)).", problem["detail"]!.GetValue<string>());
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), await _world.DueAsync("questionsClose"));
        Assert.Equal(auditBefore, (await _world.AuditAsync()).Count);
    }

    [Fact]
    public async Task A_tender_planned_with_applications_before_questions_is_not_created()
    {
        var response = await _app.Procurement().PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "ORDER-1", title = "Volgorde",
            deadlines = new { questionsClose = "2027-05-01T12:00:00+02:00", applicationsClose = "2027-04-28T12:00:00+02:00" },
        });

        var problem = await response.ProblemAsync(400);
        Assert.Equal("DeadlineOrderRule", Rule(problem));
        Assert.NotNull(problem["errors"]!["deadlines.applicationsClose"]);
        Assert.DoesNotContain(await _app.Procurement().GetArrayAsync("/api/tenders"), t => t!["reference"]!.GetValue<string>() == "ORDER-1");
    }

    [Fact]
    public async Task A_change_decided_on_an_older_revision_of_the_tender_is_refused_and_changes_nothing()
    {
        var seen = await _world.RevisionAsync();
        var first = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T12:00", "Extra informatiesessie", expectedRevision: seen);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var auditBefore = (await _world.AuditAsync()).Count;
        var jobsBefore = await _world.PlannedAsync();

        // A colleague decided on the same page, before the first change.
        var stale = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-25T12:00", "Eerder sluiten", expectedRevision: seen);

        var problem = await stale.ProblemAsync(409);
        Assert.Equal("StaleTenderRule", Rule(problem));
        Assert.Equal(new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc), await _world.DueAsync("questionsClose"));
        Assert.Equal(seen + 1, await _world.RevisionAsync());
        Assert.Equal(auditBefore, (await _world.AuditAsync()).Count);
        Assert.Equal(jobsBefore, await _world.PlannedAsync());
        var announced = await _world.NotificationsAsync("deadline.changed");
        Assert.NotEmpty(announced);
        Assert.DoesNotContain(announced, n => n.TextNl.Contains("25-03-2027", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_before_the_deadline_needs_a_reason()
    {
        var procurement = _world.Procurement();

        foreach (var reason in new string?[] { null, "", "   " })
        {
            var problem = await (await _world.ChangeAsync(procurement, "questionsClose", "2027-03-28T12:00", reason)).ProblemAsync(400);
            Assert.Equal("DeadlineChangeReasonRequiredRule", Rule(problem));
            Assert.NotNull(problem["errors"]!["reason"]);
        }
        var tooLong = await (await _world.ChangeAsync(procurement, "questionsClose", "2027-03-28T12:00", new string('r', 4001))).ProblemAsync(400);
        Assert.Equal("DeadlineChangeReasonTooLongRule", Rule(tooLong));
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task A_rectification_is_audited_announced_to_everyone_concerned_and_replans_the_jobs()
    {
        var oldJobs = (await _world.PlannedAsync()).Where(j => j.DeadlineKey is "questionsClose" or "nviPublication").ToList();
        Assert.NotEmpty(oldJobs);
        var auditBefore = (await _world.AuditAsync()).Count;

        var response = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T12:00", "Extra informatiesessie op 20 maart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var newUtc = new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal("questionsClose", body["changed"]!["key"]!.GetValue<string>());
        Assert.Equal(newUtc, body["changed"]!["dueAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(newUtc, await _world.DueAsync("questionsClose"));
        Assert.Equal(newUtc.AddDays(7), await _world.DueAsync("nviPublication"));

        var audit = await _world.AuditAsync();
        Assert.Equal(auditBefore + 1, audit.Count);
        var rectified = audit[^1]!;
        Assert.Equal("deadline.rectified", rectified["action"]!.GetValue<string>());
        Assert.Equal("Procurement", rectified["actorRole"]!.GetValue<string>());
        var payload = rectified["payload"]!;
        Assert.Equal("questionsClose", payload["deadline"]!.GetValue<string>());
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), payload["oldDueAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(newUtc, payload["newDueAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("21-03-2027 12:00 (+01:00)", payload["oldAmsterdam"]!.GetValue<string>());
        Assert.Equal("28-03-2027 12:00 (+02:00)", payload["newAmsterdam"]!.GetValue<string>());
        Assert.Equal("Extra informatiesessie op 20 maart", payload["reason"]!.GetValue<string>());
        Assert.False(payload["outage"]!.GetValue<bool>());
        Assert.Equal("nviPublication", Assert.Single(payload["cascaded"]!.AsArray())!["deadline"]!.GetValue<string>());

        var notes = await _world.NotificationsAsync("deadline.changed");
        var anna = await _world.UserIdAsync("anna.inkoper", null, "Procurement");
        var bea = await _world.UserIdAsync(DeadlineChangeWorld.AskerUser, _world.AskerOrganisation, "Bidder");
        var olaf = await _world.UserIdAsync(DeadlineChangeWorld.OutsiderUser, _world.OutsiderOrganisation, "Bidder");
        Assert.Contains(notes, n => n.UserId == anna);
        Assert.Contains(notes, n => n.UserId == bea);
        Assert.DoesNotContain(notes, n => n.UserId == olaf);
        var followed = Assert.Single(notes, n => n.UserId == anna && n.Calendar!.Uid.EndsWith("-nviPublication@tenderflow", StringComparison.Ordinal));
        Assert.Equal(newUtc.AddDays(7), followed.Calendar!.StartUtc);
        Assert.DoesNotContain(notes, n => n.UserId == bea && n.Calendar!.Uid.Contains("nviPublication", StringComparison.Ordinal));
        Assert.All(notes.Where(n => n.Calendar!.Uid.EndsWith("-questionsClose@tenderflow", StringComparison.Ordinal)), n =>
        {
            Assert.Contains("21-03-2027 12:00 (+01:00)", n.TextNl);
            Assert.Contains("28-03-2027 12:00 (+02:00)", n.TextNl);
            Assert.Contains("Extra informatiesessie op 20 maart", n.TextEn);
            Assert.Equal($"deadline-{Guid.Parse(_world.Tender):N}-questionsClose@tenderflow", n.Calendar!.Uid);
            Assert.Equal(newUtc, n.Calendar.StartUtc);
        });

        var jobs = await _world.PlannedAsync();
        Assert.All(oldJobs, old => Assert.DoesNotContain(old, jobs));
        var close = Assert.Single(jobs, j => j.DeadlineKey == "questionsClose" && j.Kind == DeadlineJobKind.Close);
        Assert.Equal(newUtc, close.RunAtUtc);
        Assert.Contains(jobs, j => j.DeadlineKey == "nviPublication" && j.DeadlineDueAtUtc == newUtc.AddDays(7));
        Assert.DoesNotContain(jobs, j => j.DeadlineKey == "questionsClose" && j.DeadlineDueAtUtc != newUtc);
    }

    [Fact]
    public async Task A_deadline_moved_later_does_not_close_at_its_old_moment()
    {
        Assert.True((await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T12:00", "Later")).IsSuccessStatusCode);

        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose);
        await _app.RunDueDeadlineJobsAsync();

        Assert.DoesNotContain(await _world.AuditAsync(), e => e!["action"]!.GetValue<string>() == "deadline.passed");
        var moved = await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-29T12:00", "Nog een dag erbij");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task A_deadline_changed_and_changed_back_brings_back_its_own_jobs_and_closes_once()
    {
        var original = (await _world.PlannedAsync()).Where(j => j.DeadlineKey == "questionsClose").ToList();
        Assert.NotEmpty(original);

        Assert.True((await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T12:00", "Extra sessie")).IsSuccessStatusCode);
        Assert.True((await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-21T12:00", "Sessie gaat niet door")).IsSuccessStatusCode);

        Assert.Equal(original, (await _world.PlannedAsync()).Where(j => j.DeadlineKey == "questionsClose").ToList());
        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose.AddSeconds(1));
        await _app.RunDueDeadlineJobsAsync();
        Assert.Single(await _world.AuditAsync(), e => e!["action"]!.GetValue<string>() == "deadline.passed" && e["subject"]!.GetValue<string>().EndsWith("/questionsClose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_time_the_spring_clock_change_skips_is_refused()
    {
        var problem = await (await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-28T02:30", "Nachtelijke sluiting")).ProblemAsync(400);

        Assert.Equal("NonexistentLocalTimeRule", Rule(problem));
        Assert.Contains("02:00", problem["errors"]!["dueAt"]![0]!.GetValue<string>());
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), await _world.DueAsync("questionsClose"));
    }

    [Fact]
    public async Task An_autumn_time_needs_its_offset_and_each_offset_is_its_own_moment()
    {
        var procurement = _world.Procurement();

        var ambiguous = await (await _world.ChangeAsync(procurement, "applicationsClose", "2027-10-31T02:30", "Na de zomer")).ProblemAsync(400);
        Assert.Equal("AmbiguousLocalTimeRule", Rule(ambiguous));

        Assert.Equal(HttpStatusCode.OK, (await _world.ChangeAsync(procurement, "applicationsClose", "2027-10-31T02:30+02:00", "Na de zomer")).StatusCode);
        var summer = await _world.DueAsync("applicationsClose");
        Assert.Equal(HttpStatusCode.OK, (await _world.ChangeAsync(procurement, "applicationsClose", "2027-10-31T02:30+01:00", "Toch de tweede keer")).StatusCode);
        var winter = await _world.DueAsync("applicationsClose");

        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), summer);
        Assert.Equal(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), winter);
        var shown = (await _world.AuditAsync()).Where(e => e!["action"]!.GetValue<string>() == "deadline.rectified").Select(e => e!["payload"]!["newAmsterdam"]!.GetValue<string>());
        Assert.Equal(["31-10-2027 02:30 (+02:00)", "31-10-2027 02:30 (+01:00)"], shown);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:00Z")]
    [InlineData("9999-12-31T23:59")]
    [InlineData("1999-12-31T22:59Z")]
    public async Task A_moment_outside_the_years_a_tender_plans_in_is_refused(string dueAt)
    {
        var problem = await (await _world.ChangeAsync(_world.Procurement(), "questionsClose", dueAt, "typo")).ProblemAsync(400);

        Assert.Equal("MomentOutOfRangeRule", Rule(problem));
    }

    [Fact]
    public async Task An_offset_that_is_not_Amsterdams_is_refused()
    {
        var problem = await (await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-25T12:00-05:00", "New York")).ProblemAsync(400);

        Assert.Equal("OffsetNotAmsterdamRule", Rule(problem));
    }

    [Fact]
    public async Task The_new_moment_must_lie_ahead()
    {
        var problem = await (await _world.ChangeAsync(_world.Procurement(), "questionsClose", "2027-03-01T09:30", "Eerder")).ProblemAsync(400);

        Assert.Equal("DeadlineNotInFutureRule", Rule(problem));
    }

    [Fact]
    public async Task Unknown_and_computed_deadlines_cannot_be_changed()
    {
        var procurement = _world.Procurement();

        Assert.Equal("UnknownDeadlineRule", Rule(await (await _world.ChangeAsync(procurement, "bestaatNiet", "2027-03-28T12:00", "r")).ProblemAsync(404)));
        var computed = await (await _world.ChangeAsync(procurement, "nviPublication", "2027-04-10T12:00", "r")).ProblemAsync(409);
        Assert.Equal("DeadlineNotPlannedRule", Rule(computed));
    }

    [Fact]
    public async Task An_outage_extends_a_passed_deadline_while_its_phase_is_open()
    {
        _app.Clock.SetUtcNow(DeadlineChangeWorld.QuestionsClose.AddHours(1));
        var procurement = _world.Procurement();

        var earlier = await (await _world.ChangeAsync(procurement, "questionsClose", "2027-03-21T11:00", "Storing", outage: true)).ProblemAsync(400);
        Assert.Equal("OutageExtensionMustExtendRule", Rule(earlier));
        var noReason = await (await _world.ChangeAsync(procurement, "questionsClose", "2027-03-22T12:00", " ", outage: true)).ProblemAsync(400);
        Assert.Equal("DeadlineChangeReasonRequiredRule", Rule(noReason));

        var extended = await _world.ChangeAsync(procurement, "questionsClose", "2027-03-22T12:00", "Storing TenderFlow 21 maart 10:30–12:15", outage: true);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(new DateTime(2027, 3, 22, 11, 0, 0, DateTimeKind.Utc), await _world.DueAsync("questionsClose"));
        var last = (await _world.AuditAsync())[^1]!;
        Assert.Equal("deadline.extended", last["action"]!.GetValue<string>());
        Assert.True(last["payload"]!["outage"]!.GetValue<bool>());
        Assert.Contains(await _world.NotificationsAsync("deadline.changed"), n => n.TextNl.Contains("storing", StringComparison.Ordinal));
        var asker = await _world.Asker();
        var question = await asker.PostAsJsonAsync($"/api/tenders/{_world.Tender}/questions", new { text = "Nog een vraag na de storing." });
        Assert.True(question.IsSuccessStatusCode, await question.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outage_cannot_reopen_a_deadline_once_the_tender_moved_on()
    {
        await _world.AnswerInANoteAsync();
        _app.Clock.SetUtcNow(DeadlineChangeWorld.ApplicationsClose);
        await _app.RunDueDeadlineJobsAsync();
        var procurement = _world.Procurement();
        Assert.Equal("selection", (await procurement.GetJsonAsync($"/api/tenders/{_world.Tender}")).Phase());

        var problem = await (await _world.ChangeAsync(procurement, "applicationsClose", "2027-04-17T12:00", "Storing", outage: true)).ProblemAsync(409);

        Assert.Equal("DeadlinePassedRule", Rule(problem));
        Assert.Equal(Utc(DeadlineChangeWorld.ApplicationsClose), await _world.DueAsync("applicationsClose"));
    }

    [Fact]
    public async Task An_ended_tender_refuses_every_change()
    {
        var procurement = _world.Procurement();
        Assert.True((await procurement.FireAsync(_world.Tender, "cancel", "Budget ingetrokken")).IsSuccessStatusCode);

        var problem = await (await _world.ChangeAsync(procurement, "applicationsClose", "2027-04-17T12:00", "r")).ProblemAsync(409);

        Assert.Equal("TenderEndedRule", Rule(problem));
    }

    [Theory]
    [InlineData("Bidder")]
    [InlineData("Evaluator")]
    [InlineData("Legal")]
    public async Task Only_Procurement_changes_deadlines(string role)
    {
        HttpClient client = role switch
        {
            "Bidder" => await _world.Asker(),
            "Evaluator" => await EvaluatorAsync(),
            _ => _app.Legal(),
        };

        var response = await _world.ChangeAsync(client, "questionsClose", "2027-03-28T12:00", "Ik wil dit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Utc(DeadlineChangeWorld.QuestionsClose), await _world.DueAsync("questionsClose"));
    }

    private async Task<HttpClient> EvaluatorAsync()
    {
        var evaluator = await _world.UserIdAsync("eva.beoordelaar", null, "Evaluator");
        Assert.True((await _world.Procurement().PostAsJsonAsync($"/api/tenders/{_world.Tender}/evaluators", new { userId = evaluator })).IsSuccessStatusCode);
        return _app.ClientAs("eva.beoordelaar", "Evaluator");
    }

    [Fact]
    public async Task Anonymous_callers_are_not_signed_in()
    {
        var response = await _world.ChangeAsync(_app.CreateClient(), "questionsClose", "2027-03-28T12:00", "r");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tender_one_may_not_read_does_not_exist()
    {
        var response = await _world.ChangeAsync(_app.Procurement(), "questionsClose", "2027-03-28T12:00", "r");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var missing = await _app.Procurement().PutAsJsonAsync($"/api/tenders/{Guid.NewGuid()}/deadlines/questionsClose", new { dueAt = "2027-03-29T12:00", reason = "r" });

        Assert.Equal("TenderNotFoundRule", Rule(await missing.ProblemAsync(404)));
    }
}
