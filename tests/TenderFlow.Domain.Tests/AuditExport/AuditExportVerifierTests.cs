using System.Security.Cryptography;
using System.Text;
using TenderFlow.Domain.Audit.Export;

namespace TenderFlow.Domain.Tests.AuditExport;

public class AuditExportVerifierTests
{
    private readonly SyntheticPackage _package = new();

    private string Fingerprint => ExportSignature.Fingerprint(_package.Key.ExportSubjectPublicKeyInfo());

    [Fact]
    public void An_untouched_package_verifies_with_its_counts_head_and_key()
    {
        var report = SyntheticPackage.Verify(_package.Build(), Fingerprint);

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal((10, 6, 4), (report.EventCount, report.TenderEventCount, report.WithheldEventCount));
        Assert.Equal(_package.Chain[^1].Hash, report.HeadHash);
        Assert.Equal(Fingerprint, report.Fingerprint);
        Assert.StartsWith($"OK: 10 events (6 of this tender, 4 withheld), head hash {_package.Chain[^1].Hash}, signed by key {Fingerprint}", report.Lines().First());
        Assert.Contains($"To check that the server's chain still holds this package: audit verify --anchor {_package.Chain[^1].Sequence}:{_package.Chain[^1].Hash}", report.Lines());
    }

    [Fact]
    public void Another_tenders_events_are_stubs_whose_content_is_not_in_the_bytes()
    {
        var bytes = _package.Build();

        Assert.Equal(0, SyntheticPackage.Count(bytes, "ander-geheim"));
        Assert.Equal(0, SyntheticPackage.Count(bytes, "other/"));
        Assert.Equal(1, SyntheticPackage.Count(bytes, "stap-7"));
    }

    [Fact]
    public void A_payload_withheld_event_shows_its_action_but_not_its_payload_and_is_link_checked()
    {
        var bytes = _package.Build();
        var report = SyntheticPackage.Verify(bytes);

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(1, report.PayloadWithheldCount);
        Assert.Equal(0, SyntheticPackage.Count(bytes, "stap-9"));
        Assert.Contains(report.Lines(), l => l.StartsWith("1 event(s) of this tender carry confidential content", StringComparison.Ordinal));

        var redacted = _package.Chain.Single(e => e.Sequence == SyntheticPackage.RedactedSequence);
        var broken = SyntheticPackage.Verify(SyntheticPackage.Flip(bytes, $"\"hash\":\"{redacted.Hash}\"", 20, hex: true));
        Assert.Equal(10, broken.FirstBreak!.Sequence);
        Assert.Contains("previous hash does not match the hash of event 9", broken.FirstBreak.Problem);
    }

    [Fact]
    public void One_byte_changed_in_a_payload_is_found_at_that_event_and_in_the_manifest_hash_of_events()
    {
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(_package.Build(), "stap-7", 0));

        Assert.False(report.Ok);
        Assert.Equal(7, report.FirstBreak!.Sequence);
        Assert.Contains("event 7: content does not match its hash", report.FirstBreak.Problem);
        Assert.Contains(report.Problems, p => p.StartsWith("events.jsonl: SHA-256", StringComparison.Ordinal));
        Assert.Single(report.Problems, p => p.StartsWith("event ", StringComparison.Ordinal));
    }

    [Fact]
    public void One_byte_changed_in_a_withheld_events_hash_is_found_at_that_event()
    {
        var stub = _package.Chain.Single(e => e.Sequence == 4);
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(_package.Build(), $"\"hash\":\"{stub.Hash}\"", 20, hex: true));

        Assert.Equal(4, report.FirstBreak!.Sequence);
        Assert.Contains("withheld event was changed", report.FirstBreak.Problem);
    }

    [Fact]
    public void A_deleted_line_is_found_at_the_missing_sequence()
    {
        var lines = Lines(_package.EventsJsonl());
        lines.RemoveAt(4);   // event 7
        var report = SyntheticPackage.Verify(Replace(_package.Build(), Join(lines)));

        Assert.Equal(7, report.FirstBreak!.Sequence);
        Assert.Contains("holds event 8 instead", report.FirstBreak.Problem);
        Assert.Contains(report.Problems, p => p.StartsWith("events.jsonl: SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_swapped_pair_of_lines_is_found_at_the_first_of_them()
    {
        var lines = Lines(_package.EventsJsonl());
        (lines[3], lines[4]) = (lines[4], lines[3]);   // events 6 and 7
        var report = SyntheticPackage.Verify(Replace(_package.Build(), Join(lines)));

        Assert.Equal(6, report.FirstBreak!.Sequence);
        Assert.Contains("holds event 7 instead", report.FirstBreak.Problem);
    }

    [Fact]
    public void A_line_that_no_longer_parses_is_named_with_the_sequence_it_should_have()
    {
        var lines = Lines(_package.EventsJsonl());
        lines[5] = lines[5][..20];   // event 8, line 6
        var report = SyntheticPackage.Verify(Replace(_package.Build(), Join(lines)));

        Assert.Equal(8, report.FirstBreak!.Sequence);
        Assert.StartsWith("event 8 (line 6): the line does not parse", report.FirstBreak.Problem);
    }

    [Fact]
    public void A_forger_who_re_signs_with_another_key_still_breaks_the_chain_and_shows_another_key()
    {
        var lines = Lines(_package.EventsJsonl());
        lines[4] = lines[4].Replace("stap-7", "stap-X");
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = _package.Build(Join(lines), forger);

        var report = SyntheticPackage.Verify(forged, Fingerprint);

        Assert.Equal(7, report.FirstBreak!.Sequence);
        Assert.Contains(report.Problems, p => p.Contains("not by the expected key", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.StartsWith("events.jsonl: SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_package_whose_server_found_its_chain_broken_does_not_verify()
    {
        var bytes = _package.Build(serverReport: s => s with { ChainIntactFromGenesis = false, BrokenAtSequence = 2, Problem = "the hash does not match its content" });

        var report = SyntheticPackage.Verify(bytes, Fingerprint);

        Assert.Contains(report.Problems, p => p.StartsWith("verification.json: the server found its chain broken at event 2", StringComparison.Ordinal));
        Assert.False(report.Ok);
    }

    [Theory]
    [InlineData("range")]
    [InlineData("tender")]
    [InlineData("entry path")]
    [InlineData("definition path")]
    public void A_manifest_missing_a_part_is_a_problem_not_a_crash(string part)
    {
        var bytes = _package.Build(alterManifest: m => part switch
        {
            "range" => m with { Range = null! },
            "tender" => m with { Tender = null! },
            "entry path" => m with { Entries = [.. m.Entries.Select((e, i) => i == 0 ? e with { Path = null! } : e)] },
            _ => m with { Definitions = [.. m.Definitions.Select(d => d with { Path = null! })] },
        });

        var report = SyntheticPackage.Verify(bytes, Fingerprint);

        Assert.Contains(report.Problems, p => p.StartsWith("manifest.json: does not parse", StringComparison.Ordinal));
        Assert.False(report.Ok);
    }

    [Fact]
    public void A_changed_signature_is_named()
    {
        var bytes = _package.Build();
        var signature = Encoding.UTF8.GetString(bytes).Split("\"signature\": \"")[1][..10];
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(bytes, "\"signature\": \"" + signature, 16));

        Assert.Contains(report.Problems, p => p.Contains("signature does not match manifest.json", StringComparison.Ordinal)
            || p.Contains("not base64", StringComparison.Ordinal));
        Assert.Null(report.FirstBreak);
    }

    [Fact]
    public void A_changed_manifest_is_named()
    {
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(_package.Build(), "Wmo Utrecht", 0));

        Assert.Contains("signature.json: the signature does not match manifest.json (manifest or signature changed)", report.Problems);
    }

    [Fact]
    public void A_changed_included_document_is_named()
    {
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(_package.Build(), "aankondiging", 0));

        Assert.Contains(report.Problems, p => p.StartsWith("document 11111111-2222-3333-4444-555555555555", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("documents/11111111-2222-3333-4444-555555555555/leidraad.pdf: SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_definition_is_named()
    {
        var report = SyntheticPackage.Verify(SyntheticPackage.Flip(_package.Build(), "\"version\":3}", 11));

        Assert.Contains(report.Problems, p => p.StartsWith("definition sas-dialogue v3: SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_tar_is_unreadable()
    {
        Assert.Throws<ExportUnreadableException>(() => SyntheticPackage.Verify(Encoding.UTF8.GetBytes("dit is geen tar-bestand, maar gewoon wat tekst die lang genoeg is.")));
        Assert.Throws<ExportUnreadableException>(() => AuditExportVerifier.Verify(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.tar")));
    }

    private static List<string> Lines(byte[] jsonl) => Encoding.UTF8.GetString(jsonl).TrimEnd('\n').Split('\n').ToList();

    private static byte[] Join(List<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>The package with events.jsonl replaced but the original (now wrong) manifest and signature kept.</summary>
    private byte[] Replace(byte[] original, byte[] events)
    {
        using var input = new MemoryStream(original);
        using var output = new MemoryStream();
        using (var reader = new System.Formats.Tar.TarReader(input))
        using (var writer = new System.Formats.Tar.TarWriter(output, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name == AuditExportFormat.Events)
                {
                    entry.DataStream = new MemoryStream(events);
                }
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }
}
