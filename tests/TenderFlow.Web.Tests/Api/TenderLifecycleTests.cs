using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

public sealed class TenderLifecycleTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Created_tender_is_pinned_to_the_definition_and_lists_its_triggers_and_deadlines()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = "2027-03-15T09:00:00+01:00", questionsClose = "2027-04-01T12:00:00+02:00" });

        Assert.Equal("consultation", tender.Phase());
        Assert.Equal("sas-dialogue", tender["definition"]!["id"]!.GetValue<string>());
        Assert.Equal(64, tender["definition"]!["hash"]!.GetValue<string>().Length);
        var deadlines = tender["deadlines"]!.AsArray();
        var nvi = deadlines.Single(d => d!["key"]!.GetValue<string>() == "nviPublication")!;
        Assert.Equal("2027-04-08T10:00:00Z", nvi["dueAtUtc"]!.GetValue<string>());
        var publish = tender["triggers"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "publish")!;
        Assert.False(publish["permitted"]!.GetValue<bool>());
        Assert.Equal("deadline.passed(publication)", publish["unmetGuards"]![0]!["guard"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_step_is_refused_with_the_unmet_guard_until_the_server_clock_passes_the_deadline()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = "2027-03-15T09:00:00+01:00", applicationsClose = "2027-06-01T10:00:00Z" });

        var early = await procurement.FireAsync(tender.Id(), "publish");
        var problem = await early.ProblemAsync(409);
        Assert.Equal("GuardsUnmetRule", problem["rule"]!.GetValue<string>());
        Assert.Contains("2027-03-15 09:00", problem["unmetGuards"]![0]!["reason"]!.GetValue<string>());

        _app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.Zero));
        procurement = _app.Procurement();
        var onTime = await procurement.FireAsync(tender.Id(), "publish");
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        var after = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");
        Assert.Equal("publication", after.Phase());
        Assert.Equal(1, after["revision"]!.GetValue<long>());

        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        Assert.Equal(["tender.created", "tender.trigger.fired"], audit.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal("Procurement", audit[1]!["actorRole"]!.GetValue<string>());
        var anna = await _app.Users.EnsureAsync("anna.inkoper", null, "Procurement");
        Assert.Equal(anna.Id, audit[1]!["actorId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_answer_to_a_step_is_the_tender_as_a_fresh_read_shows_it()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = "2027-03-15T09:00:00+01:00", applicationsClose = "2027-06-01T10:00:00Z" });
        _app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.Zero));
        procurement = _app.Procurement();

        var stepped = await procurement.FireAsync(tender.Id(), "publish");
        Assert.Equal(HttpStatusCode.OK, stepped.StatusCode);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await stepped.Content.ReadAsStringAsync())!;
        var reread = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");

        Assert.Equal("publication", answer["phase"]!["id"]!.GetValue<string>());
        Assert.Equal(reread.ToJsonString(), answer.ToJsonString());
    }

    [Fact]
    public async Task A_role_the_definition_does_not_name_is_refused_and_nothing_is_written()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var before = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");

        var asLegal = await _app.ClientAs("lea.jurist", "Legal").FireAsync(tender.Id(), "publish");
        Assert.Equal("RoleMayNotFireTriggerRule", (await asLegal.ProblemAsync(403))["rule"]!.GetValue<string>());

        var after = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("consultation", (await _app.Legal().GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_ends_the_tender_with_an_outcome()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();

        var noReason = await procurement.FireAsync(tender.Id(), "cancel", "   ");
        var problem = await noReason.ProblemAsync(400);
        Assert.Equal("ReasonRequiredRule", problem["rule"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["reason"]);

        var cancelled = await procurement.FireAsync(tender.Id(), "cancel", "Budget withdrawn by the city council");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var after = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");
        Assert.Equal("cancelled", after.Phase());
        Assert.Equal("cancelled", after["outcome"]!.GetValue<string>());
        Assert.Empty(after["triggers"]!.AsArray());

        var audit = await _app.Legal().GetArrayAsync($"/api/tenders/{tender.Id()}/audit");
        var fired = audit.Single(e => e!["action"]!.GetValue<string>() == "tender.trigger.fired")!;
        Assert.Equal("Budget withdrawn by the city council", fired["payload"]!["reason"]!.GetValue<string>());
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "tender.closed");
    }

    [Fact]
    public async Task A_stale_revision_is_refused_with_409()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
        _app.PassPublication();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(tender.Id(), "publish", expectedRevision: 0)).StatusCode);

        var stale = await procurement.FireAsync(tender.Id(), "cancel", "late second thoughts", expectedRevision: 0);
        Assert.Equal("StaleTenderRule", (await stale.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_role_that_may_not_fire_is_told_so_even_with_a_stale_revision()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
        _app.PassPublication();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(tender.Id(), "publish", expectedRevision: 0)).StatusCode);

        // Reloading would not help Legal: the answer is that this is not theirs to do, not that the tender moved on.
        var asLegal = await _app.ClientAs("lea.jurist", "Legal").FireAsync(tender.Id(), "cancel", "not mine", expectedRevision: 0);
        Assert.Equal("RoleMayNotFireTriggerRule", (await asLegal.ProblemAsync(403))["rule"]!.GetValue<string>());
        var unknown = await procurement.FireAsync(tender.Id(), "teleport", expectedRevision: 0);
        Assert.Equal("UnknownTriggerRule", (await unknown.ProblemAsync(404))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Firing_from_the_wrong_phase_or_an_unknown_trigger_is_refused()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();

        var wrongPhase = await procurement.FireAsync(tender.Id(), "closeApplications");
        Assert.Equal("TriggerNotAvailableInPhaseRule", (await wrongPhase.ProblemAsync(409))["rule"]!.GetValue<string>());
        var unknown = await procurement.FireAsync(tender.Id(), "teleport");
        Assert.Equal("UnknownTriggerRule", (await unknown.ProblemAsync(404))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_diagram_highlights_the_current_phase()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var diagram = await _app.Procurement().GetStringAsync($"/api/tenders/{tender.Id()}/diagram");
        Assert.Contains("stateDiagram-v2", diagram);
        Assert.Contains("class consultation current", diagram);
    }

    [Fact]
    public async Task Workflow_endpoints_list_both_definitions_with_mermaid()
    {
        var client = _app.Procurement();
        var list = await client.GetArrayAsync("/api/workflows");
        Assert.Equal(["open-house", "sas-dialogue"], list.Select(w => w!["id"]!.GetValue<string>()));
        var sas = await client.GetJsonAsync("/api/workflows/sas-dialogue");
        Assert.Contains("awardStandstill", sas["mermaid"]!.GetValue<string>());
        Assert.Equal(11, sas["definition"]!["dialogueThemes"]!.AsArray().Count);
        var unknown = await (await client.GetAsync("/api/workflows/nope")).ProblemAsync(404);
        Assert.Equal("UnknownDefinitionRule", unknown["rule"]!.GetValue<string>());
        Assert.Equal("Procedure 'nope' does not exist.", unknown["detail"]!.GetValue<string>());
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflows/sas-dialogue?version=99");
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("nl");
        var unknownVersion = await (await client.SendAsync(request)).ProblemAsync(404);
        Assert.Equal("Procedure 'sas-dialogue' v99 bestaat niet.", unknownVersion["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_the_audit_of_a_tender_one_may_see_but_not_audit_is_refused_in_words_and_in_Dutch_by_default()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();
        var evaluator = await _app.Users.ClientAsync("eva.beoordelaar", null, "Evaluator");
        var eva = await _app.Users.EnsureAsync("eva.beoordelaar", null, "Evaluator");
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"/api/tenders/{tender.Id()}/evaluators", new { userId = eva.Id })).StatusCode);

        var english = await (await evaluator.GetAsync($"/api/tenders/{tender.Id()}/audit")).ProblemAsync(403);
        evaluator.DefaultRequestHeaders.AcceptLanguage.Clear();
        var dutch = await (await evaluator.GetAsync($"/api/tenders/{tender.Id()}/audit")).ProblemAsync(403);

        Assert.Equal("TenderAccessRule", english["rule"]!.GetValue<string>());
        Assert.Equal("You may not read this tender's audit trail.", english["detail"]!.GetValue<string>());
        Assert.Equal("U mag het auditspoor van deze aanbesteding niet inzien.", dutch["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_procedure_of_a_megabyte_is_not_echoed_back_whole()
    {
        var procurement = _app.Procurement();
        var response = await procurement.PostAsJsonAsync("/api/tenders", new { definitionId = new string('x', 1_000_000), reference = "UTR-1", title = "Begeleiding" });

        var problem = await response.ProblemAsync(400);
        Assert.Equal("UnknownDefinitionRule", problem["rule"]!.GetValue<string>());
        Assert.Equal($"Procedure '{new string('x', 80)}…' does not exist.", problem["detail"]!.GetValue<string>());
        Assert.Empty(await procurement.GetArrayAsync("/api/tenders"));
    }

    [Fact]
    public async Task The_open_house_definition_runs_on_the_same_engine()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync("open-house");
        Assert.Equal("preparation", tender.Phase());
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(tender.Id(), "openAdmission")).StatusCode);

        var admission = await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}");
        var roundClose = admission["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == "roundClose")!;
        // Six weeks after entering on 1 March 2027 10:00 Amsterdam, at the end of that day: 13 April 2027 00:00 (+02:00).
        Assert.Equal("2027-04-12T22:00:00Z", roundClose["dueAtUtc"]!.GetValue<string>());

        _app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 12, 22, 0, 0, TimeSpan.Zero));
        procurement = _app.Procurement();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(tender.Id(), "closeAdmissionRound")).StatusCode);
        Assert.Equal("review", (await procurement.GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }

    [Fact]
    public async Task Every_step_keeps_the_audit_chain_intact()
    {
        var procurement = _app.Procurement();
        for (var i = 0; i < 3; i++)
        {
            var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
            _app.PassPublication();
            await procurement.FireAsync(tender.Id(), "publish");
            await procurement.FireAsync(tender.Id(), "cancel", "test " + i);
        }
        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verify["status"]!.GetValue<string>());
        Assert.True(verify["eventCount"]!.GetValue<long>() >= 9);
        Assert.Equal(64, verify["headHash"]!.GetValue<string>().Length);
    }
}
