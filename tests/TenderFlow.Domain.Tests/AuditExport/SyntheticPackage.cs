using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Audit.Export;

namespace TenderFlow.Domain.Tests.AuditExport;

/// <summary>
/// A small package built the way the server builds one: a chain of 12 events (2 before the range, then the exported
/// tender's events interleaved with another tender's), one included and one withheld document, a definition snapshot.
/// </summary>
public sealed class SyntheticPackage
{
    public static readonly Guid TenderId = Guid.Parse("6a1f0c4e-2b7d-4e11-9c3a-5d8e7f901234");
    public static readonly Guid OtherTenderId = Guid.Parse("0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b");
    public const string DefinitionJson = """{"id":"sas-dialogue","version":3}""";
    public static readonly byte[] DocumentBytes = Encoding.UTF8.GetBytes("%PDF-1.4 aankondiging Wmo Utrecht");

    /// <summary>An event of the tender exported without its payload.</summary>
    public const long RedactedSequence = 9;

    public List<AuditEvent> Chain { get; } = [];
    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public SyntheticPackage()
    {
        var previous = AuditCanonicalForm.GenesisHash;
        var at = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var sequence = 1L; sequence <= 12; sequence++)
        {
            // 3..12: the tender's own on odd sequences and 12, the other tender's on even ones; 1..2 before the range.
            Guid? tender = sequence < 3 ? null : sequence % 2 == 1 || sequence == 12 ? TenderId : OtherTenderId;
            var payload = tender == OtherTenderId ? $$"""{"secret":"ander-geheim-{{sequence}}"}""" : $$"""{"step":"stap-{{sequence}}","note":"één €"}""";
            var subject = tender == OtherTenderId ? $"other/{sequence}" : $"tender/{sequence}";
            var occurred = at.AddMinutes(sequence).AddTicks(sequence * 1234);
            var hash = AuditCanonicalForm.ComputeHash(sequence, occurred, "user-1", "Procurement", tender, "test.event", subject, payload, previous);
            Chain.Add(new AuditEvent
            {
                Sequence = sequence, OccurredAtUtc = occurred, ActorId = "user-1", ActorRole = "Procurement", TenderId = tender,
                Action = "test.event", Subject = subject, PayloadJson = payload, PreviousHash = previous, Hash = hash,
            });
            previous = hash;
        }
    }

    public IEnumerable<AuditEvent> Range => Chain.Where(e => e.Sequence >= 3);

    public byte[] EventsJsonl()
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var e in Range)
        {
            if (e.Sequence == RedactedSequence)
            {
                ExportEventLine.WriteRedacted(buffer, e, "confidential content");
            }
            else if (e.TenderId == TenderId)
            {
                ExportEventLine.WriteFull(buffer, e);
            }
            else
            {
                ExportEventLine.WriteStub(buffer, e.Sequence, e.PreviousHash, e.Hash);
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The package bytes; <paramref name="events"/> replaces events.jsonl before the manifest is made (a forger who re-signs).</summary>
    public byte[] Build(byte[]? events = null, ECDsa? key = null, Func<ExportServerVerification, ExportServerVerification>? serverReport = null,
        Func<ExportManifest, ExportManifest>? alterManifest = null)
    {
        var range = Range.ToList();
        var documentSha = Convert.ToHexStringLower(SHA256.HashData(DocumentBytes));
        var documentId = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var documents = new[]
        {
            new ExportDocument(documentId, "publication.guide", $"tender/{TenderId}", 1, "leidraad.pdf", "application/pdf", DocumentBytes.Length, documentSha,
                range[0].OccurredAtUtc, false, AuditExportFormat.ContentIncluded, AuditExportFormat.DocumentPath(documentId, "leidraad.pdf"), null),
            new ExportDocument(Guid.NewGuid(), "dialogue.document", "dialogue-theme/x", 1, "geheim.pdf", "application/pdf", 10, new string('a', 64),
                range[0].OccurredAtUtc, false, AuditExportFormat.ContentWithheld, null, "confidential dialogue document: never exported"),
        };
        var documentsJsonl = Encoding.UTF8.GetBytes(string.Concat(documents.Select(d => JsonSerializer.Serialize(d, AuditExportFormat.JsonLine) + "\n")));
        var head = range[^1].Hash;
        var server = new ExportServerVerification(true, 12, head, null, null, range.Count, head, range[^1].OccurredAtUtc);
        server = serverReport?.Invoke(server) ?? server;
        var definitionPath = AuditExportFormat.DefinitionPath("sas-dialogue", 3);
        var entries = new List<PackageEntry>
        {
            PackageEntry.FromBytes(AuditExportFormat.Events, events ?? EventsJsonl()),
            PackageEntry.FromBytes(AuditExportFormat.Documents, documentsJsonl),
            PackageEntry.FromBytes(definitionPath, Encoding.UTF8.GetBytes(DefinitionJson)),
            PackageEntry.FromBytes(AuditExportFormat.Verification, JsonSerializer.SerializeToUtf8Bytes(server, AuditExportFormat.Json)),
            PackageEntry.FromBytes(documents[0].Path!, DocumentBytes),
        };
        var own = range.Count(e => e.TenderId == TenderId);
        var manifest = new ExportManifest(AuditExportFormat.FormatId, new ExportTender(TenderId, "UTR-2027-WMO", "Wmo Utrecht"), range[^1].OccurredAtUtc.AddMinutes(1),
            new ExportActor("user-9", "Jurist", "Legal"), new ExportRange(3, 12, range[0].PreviousHash, head, range.Count, own, range.Count - own, 1),
            [new ExportDefinition("sas-dialogue", 3, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DefinitionJson))), definitionPath)],
            true, entries.Select(e => e.ToManifest()).ToList());
        manifest = alterManifest?.Invoke(manifest) ?? manifest;
        using var output = new MemoryStream();
        AuditExportPackage.WriteAsync(output, manifest, entries, key ?? Key).GetAwaiter().GetResult();
        return output.ToArray();
    }

    public static ExportVerificationReport Verify(byte[] package, string? expectedFingerprint = null) =>
        AuditExportVerifier.Verify(new MemoryStream(package), expectedFingerprint);

    /// <summary>The bytes with one character changed at the first place <paramref name="text"/> occurs (after <paramref name="skip"/> bytes).</summary>
    public static byte[] Flip(byte[] package, string text, int offsetInText, int skip = 0, bool hex = false)
    {
        var at = IndexOf(package, Encoding.UTF8.GetBytes(text), skip);
        Assert.True(at >= 0, $"'{text}' not in the package");
        var copy = (byte[])package.Clone();
        var (a, b) = hex ? ((byte)'0', (byte)'1') : ((byte)'x', (byte)'y');
        copy[at + offsetInText] = copy[at + offsetInText] == a ? b : a;
        return copy;
    }

    public static int IndexOf(byte[] haystack, byte[] needle, int from = 0) => haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? i + from : -1;

    public static int Count(byte[] haystack, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        for (var i = IndexOf(haystack, needle); i >= 0; i = IndexOf(haystack, needle, i + 1))
        {
            count++;
        }
        return count;
    }
}
