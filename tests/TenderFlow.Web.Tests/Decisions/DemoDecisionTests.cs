using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Features.Decisions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Decisions;

/// <summary>The decisions of the demo tender after the whole procedure, read as the demo's lawyer (jurist).</summary>
public sealed class DemoDecisionTests(DecisionsProcedureFixture fixture) : IClassFixture<DecisionsProcedureFixture>
{
    private DemoProcedure Procedure => fixture.Procedure;

    private string Api => Procedure.Api;

    [Fact]
    public async Task The_list_has_the_selection_both_openings_the_award_the_final_award_and_the_deadline_change_in_kind_order()
    {
        var list = await Procedure.Client("jurist").GetJsonAsync($"{Api}/decisions");
        var decisions = list["decisions"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var keys = decisions.Select(d => d["key"]!.GetValue<string>()).ToList();
        Assert.Contains("selection-1", keys);
        Assert.Contains("opening-selection", keys);
        Assert.Contains("opening-submission", keys);
        Assert.Contains("award-1", keys);
        Assert.Contains("award-final", keys);
        var deadline = Assert.Single(decisions, d => d["kind"]!.GetValue<string>() == DecisionKinds.Deadline);
        Assert.Equal(DecisionsProcedureFixture.DeadlineReason, deadline["reasons"]!.AsArray().Single()!["text"]!["nl"]!.GetValue<string>());
        Assert.Equal("deadline.rectified", deadline["events"]!.AsArray().Single()!["action"]!.GetValue<string>());
        Assert.Contains("Contract", deadline["title"]!["en"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        var kinds = decisions.Select(d => DecisionKinds.Ordered.ToList().IndexOf(d["kind"]!.GetValue<string>())).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.True(keys.IndexOf("award-1") < keys.IndexOf("award-final"), "newest last within a kind");
    }

    [Fact]
    public async Task Each_dossier_names_the_definition_documents_and_audit_events_exactly_as_stored()
    {
        var jurist = Procedure.Client("jurist");
        var list = await jurist.GetJsonAsync($"{Api}/decisions");
        await fixture.InScopeAsync(async (_, db, tender) =>
        {
            var snapshot = await db.DefinitionSnapshots.AsNoTracking().SingleAsync(s => s.Hash == tender.DefinitionHash);
            foreach (var key in list["decisions"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()))
            {
                var dossier = await jurist.GetJsonAsync($"{Api}/decisions/{key}");
                var definition = dossier["definition"]!;
                Assert.Equal(snapshot.DefinitionId, definition["id"]!.GetValue<string>());
                Assert.Equal(snapshot.Version, definition["version"]!.GetValue<int>());
                Assert.Equal(snapshot.Hash, definition["hash"]!.GetValue<string>());
                Assert.True(definition["snapshotStored"]!.GetValue<bool>());
                foreach (var document in dossier["documents"]!.AsArray())
                {
                    var stored = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(document!["id"]!.GetValue<string>()));
                    Assert.Equal(stored.Sha256, document!["sha256"]!.GetValue<string>());
                }
                var events = dossier["events"]!.AsArray();
                Assert.NotEmpty(events);
                foreach (var e in events)
                {
                    var stored = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Sequence == e!["sequence"]!.GetValue<long>());
                    Assert.Equal(stored.Hash, e!["hash"]!.GetValue<string>());
                    Assert.Equal(stored.Action, e["action"]!.GetValue<string>());
                    Assert.Equal(tender.Id, stored.TenderId);
                }
                Assert.NotEmpty(dossier["people"]!.AsArray());
            }
            return 0;
        });
    }

    [Fact]
    public async Task The_selection_and_award_dossiers_name_the_chair_the_deciders_the_letters_and_the_reasons()
    {
        var jurist = Procedure.Client("jurist");
        var selection = await jurist.GetJsonAsync($"{Api}/decisions/selection-1");
        var people = selection["people"]!.AsArray();
        Assert.Contains(people, p => p!["role"]!.GetValue<string>() == "Evaluator" && p["capacity"]!["en"]!.GetValue<string>().Contains("Chair"));
        Assert.Contains(people, p => p!["capacity"]!["en"]!.GetValue<string>() == "Decided by" && p["role"]!.GetValue<string>() == "Procurement");
        Assert.Equal(2, selection["documents"]!.AsArray().Count(d => d!["kind"]!.GetValue<string>() == "evaluation.letter"));
        Assert.Contains("rank", selection["summary"]!["en"]!.GetValue<string>());

        var award = await jurist.GetJsonAsync($"{Api}/decisions/award-1");
        Assert.Contains(award["reasons"]!.AsArray(), r => r!["text"]!["nl"]!.GetValue<string>() == "De inschrijving is op alle criteria voldoende.");
        Assert.Contains(award["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "award.letter");
        Assert.Contains(award["people"]!.AsArray(), p => p!["role"]!.GetValue<string>() == "Evaluator");
        Assert.Equal("Final", award["status"]!["en"]!.GetValue<string>());
        var final = await jurist.GetJsonAsync($"{Api}/decisions/award-final");
        Assert.Contains(final["events"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "award.final");
    }

    [Fact]
    public async Task An_opening_has_both_openers_and_its_stored_proces_verbaal_which_is_what_the_record_serves()
    {
        var jurist = Procedure.Client("jurist");
        foreach (var vault in new[] { "selection", "submission" })
        {
            var opening = await jurist.GetJsonAsync($"{Api}/decisions/opening-{vault}");
            var capacities = opening["people"]!.AsArray().Select(p => p!["capacity"]!["en"]!.GetValue<string>()).ToList();
            Assert.Contains("First opener (recorded)", capacities);
            Assert.Contains("Second opener (completed)", capacities);
            Assert.NotEqual(opening["people"]![0]!["userId"]!.GetValue<string>(), opening["people"]![1]!["userId"]!.GetValue<string>());
            var record = opening["documents"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "sealing.record")!;
            var opened = opening["events"]!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "vault.opened")!;
            var payload = await fixture.InScopeAsync(async (_, db, _) =>
                (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == opened["sequence"]!.GetValue<long>())).PayloadJson);
            Assert.Equal(record["sha256"]!.GetValue<string>(), JsonNode.Parse(payload)!["record"]!["sha256"]!.GetValue<string>());

            var pdf = await jurist.GetAsync($"{Api}/records/decisions/opening-{vault}.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            Assert.Equal(record["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition!.DispositionType);
        }
    }

    [Fact]
    public async Task Decision_records_are_PDF_attachments_whose_text_has_the_reasons_and_printing_is_audited_with_the_hash()
    {
        var jurist = Procedure.Client("jurist");
        var deadlineKey = (await jurist.GetJsonAsync($"{Api}/decisions"))["decisions"]!.AsArray()
            .Single(d => d!["kind"]!.GetValue<string>() == DecisionKinds.Deadline)!["key"]!.GetValue<string>();
        foreach (var (key, reason) in new[]
                 {
                     ("selection-1", "Hoogste totaalscore"),
                     ("award-1", "De inschrijving is op alle criteria voldoende."),
                     ("award-final", "De opschortende termijn is verstreken"),
                     (deadlineKey, DecisionsProcedureFixture.DeadlineReason),
                 })
        {
            var response = await jurist.GetAsync($"{Api}/records/decisions/{key}.pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.StartsWith($"besluit-{key}-", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            var text = await fixture.RecordTextAsync(key);
            Assert.Contains(reason, text);
            Assert.Contains("Besluitverslag", text);

            var printed = (await Procedure.Client("jurist").GetArrayAsync($"{Api}/audit")).Last(e => e!["action"]!.GetValue<string>() == DecisionPrints.PrintedAction)!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), printed["payload"]!["sha256"]!.GetValue<string>());
            Assert.Equal(key, printed["payload"]!["what"]!["key"]!.GetValue<string>());
        }
        Assert.Contains("Decision record", await fixture.RecordTextAsync("award-1", "en"));
        var english = await jurist.GetAsync($"{Api}/records/decisions/award-1.pdf?culture=en");
        Assert.StartsWith("decision-award-1-", english.Content.Headers.ContentDisposition!.FileNameStar ?? english.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task The_procedure_report_has_phases_deadlines_decisions_documents_and_the_chain_head_it_was_printed_at()
    {
        var jurist = Procedure.Client("jurist");
        var response = await jurist.GetAsync($"{Api}/records/procedure-report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var audit = await Procedure.Client("jurist").GetArrayAsync($"{Api}/audit");
        var printed = audit.Last(e => e!["action"]!.GetValue<string>() == DecisionPrints.PrintedAction)!;
        Assert.Equal("procedure-report", printed["payload"]!["what"]!["record"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), printed["payload"]!["sha256"]!.GetValue<string>());
        // The head it reports is the event just before the printed one in the global chain.
        Assert.Equal(printed["sequence"]!.GetValue<long>() - 1, printed["payload"]!["chainHeadSequence"]!.GetValue<long>());

        var text = await fixture.ProcedureReportTextAsync();
        var (hash, documents) = await fixture.InScopeAsync(async (_, db, tender) =>
            (tender.DefinitionHash, await db.Documents.AsNoTracking().Where(d => d.TenderId == tender.Id && !d.Kind.StartsWith("dialogue.")).Select(d => d.Sha256).ToListAsync()));
        Assert.Contains(hash, text);
        Assert.All(documents, sha => Assert.Contains(sha, text));
        foreach (var expected in new[] { "Procesverslag", "Fasen", "Dialoog", "Termijnen: gepland en werkelijk", "De inschrijving is op alle criteria voldoende.",
                     DecisionsProcedureFixture.DeadlineReason, "opening-submission", "Kop van de keten bij afdrukken (hash)" })
        {
            Assert.Contains(expected, text);
        }
        Assert.Contains("Procedure report", await fixture.ProcedureReportTextAsync("en"));
    }

    [Fact]
    public async Task No_page_answer_or_record_contains_dialogue_content()
    {
        var jurist = Procedure.Client("jurist");
        var outputs = new List<(string Where, string Text)>();
        var list = await jurist.GetStringAsync($"{Api}/decisions");
        outputs.Add(("list json", list));
        outputs.Add(("list page", await jurist.GetStringAsync($"/tenders/{Procedure.Tender}/besluiten")));
        foreach (var key in JsonNode.Parse(list)!["decisions"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()))
        {
            outputs.Add((key + " json", await jurist.GetStringAsync($"{Api}/decisions/{key}")));
            outputs.Add((key + " page", await jurist.GetStringAsync($"/tenders/{Procedure.Tender}/besluiten/{key}")));
            outputs.Add((key + " pdf", Encoding.Latin1.GetString(await jurist.GetByteArrayAsync($"{Api}/records/decisions/{key}.pdf"))));
            if (!key.StartsWith("opening-", StringComparison.Ordinal))
            {
                outputs.Add((key + " pdf text", await fixture.RecordTextAsync(key)));
            }
        }
        outputs.Add(("report pdf", Encoding.Latin1.GetString(await jurist.GetByteArrayAsync($"{Api}/records/procedure-report.pdf"))));
        outputs.Add(("report text", await fixture.ProcedureReportTextAsync()));
        outputs.Add(("report text en", await fixture.ProcedureReportTextAsync("en")));
        Assert.True(outputs.Count > 15);
        foreach (var (where, text) in outputs)
        {
            foreach (var marker in DemoProcedure.DialogueMarkers)
            {
                Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{marker} in {where}");
            }
        }
        // The markers are really in this tender's data, so their absence above means something.
        await fixture.InScopeAsync(async (_, db, tender) =>
        {
            Assert.True(await db.DialogueMessages.AnyAsync(m => m.Text.Contains(DemoProcedure.PartnerMessageMarker)));
            return 0;
        });
    }

    [Fact]
    public async Task Bidders_evaluators_partners_and_anonymous_callers_are_refused_on_every_route()
    {
        var tender = Procedure.Tender;
        var routes = new[]
        {
            $"{Api}/decisions", $"{Api}/decisions/award-1", $"{Api}/records/decisions/award-1.pdf", $"{Api}/records/decisions/opening-selection.pdf",
            $"{Api}/records/procedure-report.pdf", $"/tenders/{tender}/besluiten", $"/tenders/{tender}/besluiten/award-1",
        };
        var callers = new (string Who, HttpClient Client)[]
        {
            ("wijkzorg", Procedure.Client("wijkzorg")), ("begeleidthuis", Procedure.Client("begeleidthuis")), ("beoordelaar", Procedure.Client("beoordelaar")),
            ("partner", Procedure.Client("partner")), ("anonymous", Procedure.App.CreateClient(new() { AllowAutoRedirect = false })),
        };
        var before = await PrintedCountAsync();
        foreach (var route in routes)
        {
            foreach (var (who, client) in callers)
            {
                var response = await client.GetAsync(route);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("Login", StringComparison.OrdinalIgnoreCase));
                Assert.True(refused, $"{who} {route}: {(int)response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("De inschrijving is op alle criteria voldoende.", body);
            }
        }
        Assert.Equal(before, await PrintedCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await Procedure.Client("inkoper").GetAsync($"{Api}/decisions/award-1")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_is_a_404_problem_on_the_api_the_record_and_the_page()
    {
        var jurist = Procedure.Client("jurist");
        Assert.Equal("UnknownDecisionRule", (await (await jurist.GetAsync($"{Api}/decisions/award-99")).ProblemAsync(404))["rule"]!.GetValue<string>());
        Assert.Equal("UnknownDecisionRule", (await (await jurist.GetAsync($"{Api}/records/decisions/award-99.pdf")).ProblemAsync(404))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await jurist.GetAsync($"/tenders/{Procedure.Tender}/besluiten/award-99")).StatusCode);
        Assert.Equal("TenderNotFoundRule", (await (await jurist.GetAsync($"/api/tenders/{Guid.NewGuid()}/decisions")).ProblemAsync(404))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_pages_list_every_decision_with_links_to_the_dossier_and_the_pdf()
    {
        var jurist = Procedure.Client("jurist");
        var page = await jurist.GetStringAsync($"/tenders/{Procedure.Tender}/besluiten");
        foreach (var key in new[] { "selection-1", "opening-selection", "opening-submission", "award-1", "award-final" })
        {
            Assert.Contains($"/tenders/{Procedure.Tender}/besluiten/{key}\"", page);
            Assert.Contains($"/records/decisions/{key}.pdf\"", page);
        }
        Assert.Contains("/records/procedure-report.pdf", page);
        var dossier = await jurist.GetStringAsync($"/tenders/{Procedure.Tender}/besluiten/award-1");
        Assert.Contains("De inschrijving is op alle criteria voldoende.", dossier);
        Assert.Contains("/records/decisions/award-1.pdf", dossier);
        var decisions = await fixture.DecisionsAsync();
        Assert.Contains(decisions.Definition.Hash, dossier);
        Assert.All(decisions.Find("award-1")!.Documents, d => Assert.Contains(d.Sha256, dossier));
    }

    private Task<int> PrintedCountAsync() => fixture.InScopeAsync(async (_, db, tender) =>
        await db.AuditEvents.CountAsync(e => e.TenderId == tender.Id && e.Action == DecisionPrints.PrintedAction));
}
