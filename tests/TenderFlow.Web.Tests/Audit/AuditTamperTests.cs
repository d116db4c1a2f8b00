using Microsoft.Data.Sqlite;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Audit;

public sealed class AuditTamperTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> WriteSomeHistoryAsync()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" });
        _app.PassPublication();
        await procurement.FireAsync(tender.Id(), "publish");
        await procurement.FireAsync(tender.Id(), "cancel", "budget withdrawn");
        return tender.Id();
    }

    private int Execute(string sql) => _app.ExecuteSql(sql);

    [Fact]
    public async Task The_database_refuses_update_and_delete_on_audit_events()
    {
        await WriteSomeHistoryAsync();
        var update = Assert.Throws<SqliteException>(() => Execute("""UPDATE "AuditEvents" SET "PayloadJson" = '{}' WHERE "Sequence" = 1"""));
        Assert.Contains("append-only", update.Message);
        var delete = Assert.Throws<SqliteException>(() => Execute("""DELETE FROM "AuditEvents" WHERE "Sequence" = 1"""));
        Assert.Contains("append-only", delete.Message);
        Assert.Equal("OK", (await _app.Legal().GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_database_refuses_an_insert_that_replaces_an_event_or_does_not_link_onto_the_head()
    {
        await WriteSomeHistoryAsync();
        const string columns = """ "Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash" """;
        string Row(string sequence, string previous) =>
            $"""({sequence}, '2027-03-01 09:00:00', 'someone', 'Procurement', NULL, 'tender.created', 'tender/x', '{"{}"}', {previous}, '{new string('a', 64)}')""";
        const string head = """(SELECT "Hash" FROM "AuditEvents" ORDER BY "Sequence" DESC LIMIT 1)""";
        const string next = """(SELECT MAX("Sequence") + 1 FROM "AuditEvents")""";
        var before = ChainForgery.Head(_app.ConnectionString);

        // REPLACE deletes the old row without firing the delete trigger: only an insert trigger stops it.
        var replace = Assert.Throws<SqliteException>(() => Execute($"""INSERT OR REPLACE INTO "AuditEvents" ({columns}) VALUES {Row("2", "(SELECT \"PreviousHash\" FROM \"AuditEvents\" WHERE \"Sequence\" = 2)")}"""));
        Assert.Contains("append-only", replace.Message);
        Assert.Throws<SqliteException>(() => Execute($"""INSERT INTO "AuditEvents" ({columns}) VALUES {Row(next + " + 1", head)}"""));
        Assert.Throws<SqliteException>(() => Execute($"""INSERT INTO "AuditEvents" ({columns}) VALUES {Row(next, $"'{new string('0', 64)}'")}"""));

        Assert.Equal(before, ChainForgery.Head(_app.ConnectionString));
        Assert.Equal(1, Execute($"""INSERT INTO "AuditEvents" ({columns}) VALUES {Row(next, head)}"""));
    }

    [Fact]
    public async Task A_payload_changed_behind_the_triggers_back_is_found_at_that_event()
    {
        await WriteSomeHistoryAsync();
        Execute("""DROP TRIGGER "AuditEvents_NoUpdate" """);
        Assert.Equal(1, Execute("""UPDATE "AuditEvents" SET "PayloadJson" = '{"reason":"nothing to see"}' WHERE "Sequence" = 3"""));

        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Equal(3, verify["brokenAtSequence"]!.GetValue<long>());
        Assert.Contains("changed after it was written", verify["problem"]!.GetValue<string>());
        Assert.Equal(2, verify["eventCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_payload_that_is_no_json_object_makes_the_legal_views_say_the_trail_is_unreadable_not_fail()
    {
        var tender = await WriteSomeHistoryAsync();
        var legal = _app.Legal();
        // Signed in before the tampering: a log-in writes to the trail too, which is fine, but its reads must all come after.
        Execute("""DROP TRIGGER "AuditEvents_NoUpdate" """);
        Assert.Equal(1, Execute("""UPDATE "AuditEvents" SET "PayloadJson" = 'x' WHERE "Sequence" = 3"""));

        foreach (var url in new[] { $"/api/tenders/{tender}/legal/timeline", $"/api/tenders/{tender}/legal/reads", $"/api/tenders/{tender}/audit", "/api/audit/events" })
        {
            var response = await legal.GetAsync(url);
            Assert.Equal("AuditTrailUnreadableRule", (await response.ProblemAsync(409))["rule"]!.GetValue<string>());
        }
        var page = await legal.GetAsync($"/tenders/{tender}/juridisch");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("Het auditspoor kan niet worden gelezen", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await legal.GetJsonAsync("/api/audit/verify"))["brokenAtSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_deleted_event_is_found_at_the_event_after_the_gap()
    {
        await WriteSomeHistoryAsync();
        Execute("""DROP TRIGGER "AuditEvents_NoDelete" """);
        Execute("""DELETE FROM "AuditEvents" WHERE "Sequence" = 2""");

        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Equal(3, verify["brokenAtSequence"]!.GetValue<long>());
        Assert.Contains("missing", verify["problem"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_given_another_hash_is_found_by_the_link_the_next_event_holds()
    {
        await WriteSomeHistoryAsync();
        Execute("""DROP TRIGGER "AuditEvents_NoUpdate" """);
        Execute("""UPDATE "AuditEvents" SET "Hash" = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE "Sequence" = 2""");

        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Equal(2, verify["brokenAtSequence"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("TenderId", "zz", "TenderId")]
    [InlineData("OccurredAtUtc", "not a date", "OccurredAtUtc")]
    public async Task A_value_changed_into_something_no_event_holds_is_found_at_that_event(string column, string value, string named)
    {
        await WriteSomeHistoryAsync();
        Assert.Equal(1, ChainForgery.SetValue(_app.ConnectionString, 2, column, value));

        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Equal(2, verify["brokenAtSequence"]!.GetValue<long>());
        Assert.Contains($"{named} cannot be read", verify["problem"]!.GetValue<string>());
        Assert.Equal(1, verify["eventCount"]!.GetValue<long>());
        var listing = await (await _app.Legal().GetAsync("/api/audit/events")).ProblemAsync(409);
        Assert.Equal("AuditTrailUnreadableRule", listing["rule"]!.GetValue<string>());
    }

    /// <summary>The tender's own event, changed into a time no event holds, cannot go into a package: a rule, not a 500.</summary>
    [Fact]
    public async Task An_export_over_an_unreadable_event_is_refused_with_a_rule()
    {
        await WriteSomeHistoryAsync();
        var tender = (await _app.Legal().GetArrayAsync("/api/tenders"))[0]!["id"]!.GetValue<string>();
        Execute("""DROP TRIGGER "AuditEvents_NoUpdate" """);
        Assert.Equal(1, Execute($"""UPDATE "AuditEvents" SET "OccurredAtUtc" = 'not a date' WHERE "Sequence" = (SELECT MAX("Sequence") FROM "AuditEvents" WHERE "TenderId" = '{tender.ToUpperInvariant()}' OR "TenderId" = '{tender}')"""));

        var export = await (await _app.Legal().GetAsync($"/api/tenders/{tender}/audit/export")).ProblemAsync(409);

        Assert.Equal("AuditTrailUnreadableRule", export["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cut_off_tail_keeps_the_chain_consistent_but_not_the_anchor_recorded_before()
    {
        await WriteSomeHistoryAsync();
        var anchor = ChainForgery.Head(_app.ConnectionString);
        ChainForgery.CutTail(_app.ConnectionString, 2);

        var legal = _app.Legal();
        Assert.Equal("OK", (await legal.GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
        var verify = await legal.GetJsonAsync($"/api/audit/verify?anchor={anchor}");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Contains("events were removed from its end", verify["problem"]!.GetValue<string>());
        Assert.Equal("MISMATCH", verify["anchor"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_chain_rewritten_with_recomputed_hashes_is_found_against_an_anchor()
    {
        await WriteSomeHistoryAsync();
        var anchor = ChainForgery.Head(_app.ConnectionString);
        ChainForgery.RewriteFrom(_app.ConnectionString, 2, "user:someone-else");

        var legal = _app.Legal();
        Assert.Equal("OK", (await legal.GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
        var verify = await legal.GetJsonAsync($"/api/audit/verify?anchor={anchor}");
        Assert.Equal("BROKEN", verify["status"]!.GetValue<string>());
        Assert.Contains("the anchor was copied wrongly, or the chain up to event", verify["problem"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anchor_from_before_later_events_still_holds()
    {
        await WriteSomeHistoryAsync();
        var anchor = ChainForgery.Head(_app.ConnectionString);
        await WriteSomeHistoryAsync();

        var verify = await _app.Legal().GetJsonAsync($"/api/audit/verify?anchor={anchor}");

        Assert.Equal("OK", verify["status"]!.GetValue<string>());
        Assert.Equal("MATCHES", verify["anchor"]!["status"]!.GetValue<string>());
        Assert.Equal(long.Parse(anchor.Split(':')[0]), verify["anchor"]!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_anchor_that_is_not_sequence_and_hash_is_a_bad_request()
    {
        var problem = await (await _app.Legal().GetAsync("/api/audit/verify?anchor=12:abc")).ProblemAsync(400);

        Assert.Equal("InvalidAnchorRule", problem["rule"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["anchor"]);
    }
}
