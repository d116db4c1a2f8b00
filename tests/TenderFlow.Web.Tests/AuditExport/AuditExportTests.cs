using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.AuditExport;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.AuditExport;

/// <summary>The signed export of the demo tender run through every phase, checked offline by the CLI code path.</summary>
public sealed class AuditExportTests(ExportedDemo demo) : IClassFixture<ExportedDemo>
{
    [Fact]
    public async Task The_export_of_the_complete_procedure_verifies_offline_without_a_database()
    {
        var response = demo.FinalResponse;
        Assert.Equal("application/x-tar", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^[A-Za-z0-9._-]+-audit-\d{8}T\d{6}Z\.tar$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));

        foreach (var package in new[] { demo.Final, demo.FinalWithoutDocuments, demo.AtSelection })
        {
            var (exit, output) = await ExportedDemo.VerifyAsync(package);
            Assert.True(exit == 0, output);
            Assert.Matches(@"^OK: \d+ events \(\d+ of this tender, [1-9]\d* withheld\), head hash [0-9a-f]{64}, signed by key [0-9a-f]{64}", output);
        }
        // The domain verifier alone (no web host, no database) says the same.
        var report = AuditExportVerifier.Verify(new MemoryStream(demo.Final));
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(demo.Procedure.TenderId, report.Manifest!.Tender.Id);
        Assert.True(report.Server!.ChainIntactFromGenesis);
    }

    [Fact]
    public async Task The_key_fingerprint_is_published_to_audit_readers_and_the_key_file_is_private()
    {
        var key = await demo.Procedure.Client("inkoper").GetJsonAsync("/api/audit/export-key");
        var report = AuditExportVerifier.Verify(new MemoryStream(demo.Final));
        Assert.Equal(report.Fingerprint, key["fingerprint"]!.GetValue<string>());
        Assert.Equal(report.Fingerprint, Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(key["publicKey"]!.GetValue<string>()))));
        Assert.Equal(0, (await ExportedDemo.VerifyAsync(demo.Final, "--key", report.Fingerprint!)).Exit);
        var (exit, output) = await ExportedDemo.VerifyAsync(demo.Final, "--key", new string('0', 64));
        Assert.Equal(1, exit);
        Assert.Contains("not by the expected key", output);

        var file = Path.Combine(demo.Procedure.App.Data, "keys", "audit-export-signing.pem");
        Assert.Contains("PRIVATE KEY", await File.ReadAllTextAsync(file));
        Assert.DoesNotContain(Encoding.UTF8.GetString(demo.Final), "PRIVATE KEY");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        foreach (var user in new[] { "wijkzorg", "beoordelaar", "partner" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await demo.Procedure.Client(user).GetAsync("/api/audit/export-key")).StatusCode);
        }
    }

    [Fact]
    public async Task The_export_is_audited_after_the_range_with_the_manifest_hash()
    {
        var entries = ExportedDemo.Entries(demo.Final);
        var manifest = JsonNode.Parse(entries[AuditExportFormat.Manifest])!;
        var last = manifest["range"]!["lastSequence"]!.GetValue<long>();
        var manifestSha = Convert.ToHexStringLower(SHA256.HashData(entries[AuditExportFormat.Manifest]));

        using var scope = demo.Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var exported = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditExporter.ExportedAction && e.TenderId == demo.Procedure.TenderId)
            .OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(3, exported.Count);
        var final = Assert.Single(exported, e => e.PayloadJson.Contains(manifestSha, StringComparison.Ordinal));
        Assert.Equal(last + 1, final.Sequence);
        Assert.Contains($"\"lastSequence\":{last}", final.PayloadJson);
        Assert.Equal(await db.Users.Where(u => u.UserName == "jurist").Select(u => u.Id).SingleAsync(), final.ActorId);
        Assert.Equal("Legal", final.ActorRole);
        Assert.Equal("Legal", manifest["exportedBy"]!["role"]!.GetValue<string>());
        // The earlier export is inside the later package's range, in full.
        var events = ExportedDemo.Lines(entries[AuditExportFormat.Events]);
        Assert.Equal(1, events.Count(e => e["action"]?.GetValue<string>() == AuditExporter.ExportedAction));
        Assert.DoesNotContain(events, e => e["sequence"]!.GetValue<long>() > last);
    }

    [Fact]
    public async Task One_byte_changed_in_an_events_payload_is_found_at_exactly_that_event()
    {
        var entries = ExportedDemo.Entries(demo.Final);
        var target = ExportedDemo.Lines(entries[AuditExportFormat.Events])
            .First(e => e["action"]?.GetValue<string>() == "tender.trigger.fired" && e["payload"]!.GetValue<string>().Contains("closeApplications"));
        var sequence = target["sequence"]!.GetValue<long>();
        var line = ExportedDemo.IndexOf(demo.Final, $"{{\"sequence\":{sequence},");
        var payload = ExportedDemo.IndexOf(demo.Final, "\"payload\":\"", line) + 11;
        while (!char.IsAsciiLetterLower((char)demo.Final[payload]))
        {
            payload++;
        }
        var changed = (byte[])demo.Final.Clone();
        changed[payload] = changed[payload] == (byte)'x' ? (byte)'y' : (byte)'x';

        var (exit, output) = await ExportedDemo.VerifyAsync(changed);

        Assert.Equal(1, exit);
        Assert.Contains($"Chain first broken at event {sequence}: event {sequence}: content does not match its hash", output);
        Assert.Contains("events.jsonl: SHA-256", output);
    }

    [Fact]
    public async Task One_byte_changed_in_a_withheld_events_hash_is_found_at_that_event()
    {
        var events = ExportedDemo.Lines(ExportedDemo.Entries(demo.Final)[AuditExportFormat.Events]);
        var index = Enumerable.Range(0, events.Count - 1).First(i => events[i]["withheld"] is not null && events[i + 1]["withheld"] is null);
        var stub = events[index];
        var sequence = stub["sequence"]!.GetValue<long>();
        var at = ExportedDemo.IndexOf(demo.Final, $"\"hash\":\"{stub["hash"]!.GetValue<string>()}\"") + 20;
        var changed = (byte[])demo.Final.Clone();
        changed[at] = changed[at] == (byte)'0' ? (byte)'1' : (byte)'0';

        var (exit, output) = await ExportedDemo.VerifyAsync(changed);

        Assert.Equal(1, exit);
        Assert.Contains($"Chain first broken at event {sequence}: event {sequence}: its hash is not the previous hash", output);
    }

    [Fact]
    public async Task A_deleted_line_and_a_swapped_pair_are_found_at_the_first_event_concerned()
    {
        var events = Encoding.UTF8.GetString(ExportedDemo.Entries(demo.Final)[AuditExportFormat.Events]).TrimEnd('\n').Split('\n').ToList();
        var first = JsonNode.Parse(events[0])!["sequence"]!.GetValue<long>();

        var deleted = events.Where((_, i) => i != 10).ToList();
        var (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, AuditExportFormat.Events, _ => Join(deleted)));
        Assert.Equal(1, exit);
        Assert.Contains($"Chain first broken at event {first + 10}: event {first + 10} (line 11): the line holds event {first + 11} instead", output);

        var swapped = events.ToList();
        (swapped[20], swapped[21]) = (swapped[21], swapped[20]);
        (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, AuditExportFormat.Events, _ => Join(swapped)));
        Assert.Equal(1, exit);
        Assert.Contains($"Chain first broken at event {first + 20}:", output);

        var corrupted = events.ToList();
        corrupted[30] = corrupted[30][..(corrupted[30].Length / 2)];
        (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, AuditExportFormat.Events, _ => Join(corrupted)));
        Assert.Equal(1, exit);
        Assert.Contains($"Chain first broken at event {first + 30}: event {first + 30} (line 31): the line does not parse", output);
    }

    [Fact]
    public async Task A_changed_signature_manifest_or_included_document_is_named()
    {
        var (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, AuditExportFormat.Signature, bytes =>
        {
            var json = JsonNode.Parse(bytes)!;
            var signature = Convert.FromBase64String(json["signature"]!.GetValue<string>());
            signature[5] ^= 1;
            json["signature"] = Convert.ToBase64String(signature);
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        }));
        Assert.Equal(1, exit);
        Assert.Contains("signature.json: the signature does not match manifest.json", output);

        (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, AuditExportFormat.Manifest,
            bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"documentsIncluded\": true", "\"documentsIncluded\": false"))));
        Assert.Equal(1, exit);
        Assert.Contains("signature.json: the signature does not match manifest.json", output);

        var documents = ExportedDemo.Lines(ExportedDemo.Entries(demo.Final)[AuditExportFormat.Documents]);
        var included = documents.First(d => d["content"]!.GetValue<string>() == "included");
        var path = included["path"]!.GetValue<string>();
        (exit, output) = await ExportedDemo.VerifyAsync(ExportedDemo.Replace(demo.Final, path, bytes =>
        {
            var copy = (byte[])bytes.Clone();
            copy[copy.Length / 2] ^= 0x20;
            return copy;
        }));
        Assert.Equal(1, exit);
        Assert.Contains($"document {included["id"]!.GetValue<string>()} ({path}): content SHA-256", output);
        Assert.Contains($"{path}: SHA-256", output);
    }

    [Fact]
    public async Task A_file_that_is_not_a_package_or_a_missing_argument_exits_2()
    {
        var (exit, _) = await ExportedDemo.VerifyAsync(Encoding.UTF8.GetBytes(new string('x', 2000)));
        Assert.Equal(2, exit);
        var output = new StringWriter();
        Assert.Equal(2, await Web.Cli.CliCommands.RunAsync(["audit", "verify", "--export"], output, output));
        Assert.Equal(2, await Web.Cli.CliCommands.RunAsync(["audit", "verify", "--export", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))], output, output));
    }

    [Fact]
    public void Another_tenders_events_appear_only_as_withheld_stubs()
    {
        var events = ExportedDemo.Lines(ExportedDemo.Entries(demo.Final)[AuditExportFormat.Events]);
        Assert.All(events.Where(e => e["withheld"] is null), e => Assert.Equal(demo.Procedure.Tender, e["tenderId"]!.GetValue<string>()));
        Assert.All(events.Where(e => e["withheld"] is not null), e => Assert.Equal(["sequence", "previousHash", "hash", "withheld"], e.Select(p => p.Key)));

        using var scope = demo.Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var other = Guid.Parse(demo.OtherTenderId);
        var otherEvents = db.AuditEvents.AsNoTracking().Where(e => e.TenderId == other).ToList();
        Assert.NotEmpty(otherEvents);
        var stubs = events.Where(e => e["withheld"] is not null).Select(e => e["sequence"]!.GetValue<long>()).ToHashSet();
        Assert.All(otherEvents, e => Assert.Contains(e.Sequence, stubs));
        foreach (var package in new[] { demo.Final, demo.FinalWithoutDocuments, demo.AtSelection })
        {
            Assert.Equal(-1, ExportedDemo.IndexOf(package, ExportedDemo.OtherReference));
            Assert.Equal(-1, ExportedDemo.IndexOf(package, demo.OtherTenderId));
            Assert.All(otherEvents, e => Assert.Equal(-1, ExportedDemo.IndexOf(package, e.PayloadJson)));
        }
    }

    [Fact]
    public void No_confidential_string_of_the_procedure_is_in_any_package()
    {
        var found = new List<string>();
        foreach (var (name, package) in new[] { ("final", demo.Final), ("final without documents", demo.FinalWithoutDocuments), ("at selection", demo.AtSelection) })
        {
            foreach (var (entry, bytes) in ExportedDemo.Entries(package))
            {
                var text = Encoding.UTF8.GetString(bytes);
                found.AddRange(DemoProcedure.ConfidentialMarkers.Where(m => ExportedDemo.IndexOf(bytes, m) >= 0)
                    .Select(m => $"{name}/{entry}: '{m}' in {string.Join(" | ", text.Split('\n').Where(l => l.Contains(m)).Select(l => l.Length > 200 ? l[..200] : l))}"));
            }
            Assert.All(DemoProcedure.ConfidentialMarkers, m => Assert.True(found.Any(f => f.Contains(m)) || ExportedDemo.IndexOf(package, m) < 0));
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Documents_are_all_listed_and_confidential_or_sealed_content_is_withheld_with_the_reason()
    {
        var final = ExportedDemo.Lines(ExportedDemo.Entries(demo.Final)[AuditExportFormat.Documents]);
        using var scope = demo.Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var stored = db.Documents.AsNoTracking().Where(d => d.TenderId == demo.Procedure.TenderId).ToList();
        Assert.Equal(stored.Select(d => d.Id.ToString()).Order(), final.Select(d => d["id"]!.GetValue<string>()).Order());
        Assert.All(final.Where(d => d["kind"]!.GetValue<string>().StartsWith("dialogue.", StringComparison.Ordinal)), d =>
        {
            Assert.Equal("withheld", d["content"]!.GetValue<string>());
            Assert.Equal(ExportDocumentContent.Dialogue, d["withheldReason"]!.GetValue<string>());
        });
        Assert.Contains(final, d => d["kind"]!.GetValue<string>().StartsWith("dialogue.", StringComparison.Ordinal));
        Assert.Contains(final, d => d["content"]!.GetValue<string>() == "included");
        Assert.All(final.Where(d => d["content"]!.GetValue<string>() == "withheld"), d => Assert.Null(d["path"]));

        // In the selection phase the applications are still sealed: listed by hash, content withheld.
        var atSelection = ExportedDemo.Lines(ExportedDemo.Entries(demo.AtSelection)[AuditExportFormat.Documents]);
        var applications = atSelection.Where(d => d["owner"]!.GetValue<string>().StartsWith("application/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(applications);
        Assert.All(applications, d => Assert.Equal(ExportDocumentContent.Sealed("selection"), d["withheldReason"]!.GetValue<string>()));

        var withoutDocuments = ExportedDemo.Entries(demo.FinalWithoutDocuments);
        Assert.DoesNotContain(withoutDocuments.Keys, k => k.StartsWith(AuditExportFormat.DocumentsFolder, StringComparison.Ordinal));
        Assert.All(ExportedDemo.Lines(withoutDocuments[AuditExportFormat.Documents]), d => Assert.Equal("withheld", d["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_wrong_side_cannot_export_and_nothing_is_audited_for_them()
    {
        using var scope = demo.Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var before = await db.AuditEvents.CountAsync(e => e.Action == AuditExporter.ExportedAction);
        foreach (var user in new[] { "wijkzorg", "begeleidthuis", "beoordelaar", "partner" })
        {
            var response = await demo.Procedure.Client(user).GetAsync($"{demo.Procedure.Api}/audit/export?documents=true");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user}: {(int)response.StatusCode}");
            Assert.NotEqual("application/x-tar", response.Content.Headers.ContentType?.MediaType);
        }
        using var anonymous = demo.Procedure.App.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync($"{demo.Procedure.Api}/audit/export");
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal(before, await db.AuditEvents.CountAsync(e => e.Action == AuditExporter.ExportedAction));
        Assert.Equal(HttpStatusCode.NotFound, (await demo.Procedure.Client("jurist").GetAsync($"/api/tenders/{Guid.NewGuid()}/audit/export")).StatusCode);
    }

    private static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
