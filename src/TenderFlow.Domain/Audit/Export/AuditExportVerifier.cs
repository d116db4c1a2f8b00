using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace TenderFlow.Domain.Audit.Export;

/// <summary>
/// Checks an audit export package from its bytes alone (no database): the signature over manifest.json, every entry
/// against the manifest, the chain in events.jsonl (links everywhere, content hashes of the tender's own events),
/// the documents included and the definition snapshots. Reports every problem, and the first broken event.
/// </summary>
public static class AuditExportVerifier
{
    public static ExportVerificationReport Verify(string path, string? expectedFingerprint = null)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ExportUnreadableException($"Cannot open {path}: {e.Message}", e);
        }
        using (file)
        {
            return Verify(file, expectedFingerprint);
        }
    }

    public static ExportVerificationReport Verify(Stream package, string? expectedFingerprint = null)
    {
        var contents = ReadTar(package);
        return new Check(contents, expectedFingerprint).Run();
    }

    private sealed record TarContent(string Path, string Sha256, long Length, byte[]? Bytes);

    private sealed record Contents(Dictionary<string, TarContent> Entries, List<string> Problems);

    private static Contents ReadTar(Stream package)
    {
        var entries = new Dictionary<string, TarContent>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            using var reader = new TarReader(package, leaveOpen: true);
            var any = false;
            while (reader.GetNextEntry() is { } entry)
            {
                any = true;
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    problems.Add($"{entry.Name}: unexpected tar entry of type {entry.EntryType}");
                    continue;
                }
                var keep = !entry.Name.StartsWith(AuditExportFormat.DocumentsFolder, StringComparison.Ordinal);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var copy = keep ? new MemoryStream() : null;
                long length = 0;
                if (entry.DataStream is { } data)
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = data.Read(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        copy?.Write(buffer, 0, read);
                        length += read;
                    }
                }
                if (!entries.TryAdd(entry.Name, new TarContent(entry.Name, Convert.ToHexStringLower(hash.GetHashAndReset()), length, copy?.ToArray())))
                {
                    problems.Add($"{entry.Name}: appears more than once in the package");
                }
            }
            if (!any)
            {
                throw new ExportUnreadableException("The file holds no tar entries: not an audit export package.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            throw new ExportUnreadableException($"The file is not a readable tar archive: {e.Message}", e);
        }
        return new Contents(entries, problems);
    }

    private sealed class Check(Contents contents, string? expectedFingerprint)
    {
        private readonly List<string> _problems = [.. contents.Problems];
        private readonly List<ChainBreak> _breaks = [];
        private ExportManifest? _manifest;
        private string? _fingerprint;
        private long _events, _tenderEvents, _withheld, _redacted;
        private string? _head;

        private Dictionary<string, TarContent> Entries => contents.Entries;

        public ExportVerificationReport Run()
        {
            var manifestBytes = Entries.GetValueOrDefault(AuditExportFormat.Manifest)?.Bytes;
            if (manifestBytes is null)
            {
                _problems.Add("manifest.json is missing");
            }
            else
            {
                _manifest = Parse<ExportManifest>(AuditExportFormat.Manifest, manifestBytes);
                if (_manifest is not null && _manifest.Format != AuditExportFormat.FormatId)
                {
                    _problems.Add($"manifest.json: format '{_manifest.Format}' is not {AuditExportFormat.FormatId}");
                }
            }
            CheckSignature(manifestBytes);
            if (_manifest is not null)
            {
                CheckEntries(_manifest);
            }
            CheckEvents();
            CheckDocuments();
            CheckDefinitions();
            var server = CheckServerReport();
            var first = _breaks.MinBy(b => b.Sequence);
            // Chain problems are listed in sequence order, the others in the order they were found.
            var problems = _problems.Concat(_breaks.OrderBy(b => b.Sequence).Select(b => b.Problem)).ToList();
            return new ExportVerificationReport(problems, first, _events, _tenderEvents, _withheld, _head, _fingerprint, _manifest, server) { PayloadWithheldCount = _redacted };
        }

        private void CheckSignature(byte[]? manifestBytes)
        {
            var bytes = Entries.GetValueOrDefault(AuditExportFormat.Signature)?.Bytes;
            if (bytes is null)
            {
                _problems.Add("signature.json is missing: the package is not signed");
                return;
            }
            var signature = Parse<ExportSignatureFile>(AuditExportFormat.Signature, bytes);
            if (signature is null)
            {
                return;
            }
            _fingerprint = signature.Fingerprint;
            if (expectedFingerprint is not null && !string.Equals(expectedFingerprint.Trim(), signature.Fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add($"signature.json: signed by key {signature.Fingerprint}, not by the expected key {expectedFingerprint}");
            }
            if (manifestBytes is not null)
            {
                _problems.AddRange(ExportSignature.Check(signature, manifestBytes));
            }
        }

        private void CheckEntries(ExportManifest manifest)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in manifest.Entries ?? [])
            {
                listed.Add(entry.Path);
                if (!Entries.TryGetValue(entry.Path, out var actual))
                {
                    _problems.Add($"{entry.Path}: listed in the manifest but missing from the package");
                    continue;
                }
                if (actual.Length != entry.Length)
                {
                    _problems.Add($"{entry.Path}: {actual.Length} bytes, the manifest says {entry.Length}");
                }
                if (!string.Equals(actual.Sha256, entry.Sha256, StringComparison.Ordinal))
                {
                    _problems.Add($"{entry.Path}: SHA-256 {actual.Sha256} does not match the manifest ({entry.Sha256})");
                }
            }
            foreach (var path in Entries.Keys.Where(p => p is not (AuditExportFormat.Manifest or AuditExportFormat.Signature) && !listed.Contains(p)).Order(StringComparer.Ordinal))
            {
                _problems.Add($"{path}: in the package but not listed in the manifest");
            }
        }

        private void CheckEvents()
        {
            var bytes = Entries.GetValueOrDefault(AuditExportFormat.Events)?.Bytes;
            if (bytes is null)
            {
                _problems.Add("events.jsonl is missing");
                return;
            }
            var range = _manifest?.Range;
            var tenderId = _manifest?.Tender.Id;
            long? expected = range?.FirstSequence;
            var previousHash = range?.PreviousHash;
            ExportEventLine? previous = null;
            var lineNumber = 0;
            var rest = bytes.AsSpan();
            while (rest.Length > 0)
            {
                var end = rest.IndexOf((byte)'\n');
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 1)..];
                lineNumber++;
                _events++;
                var parsed = ExportEventLine.TryParse(line, out var why);
                if (parsed is null)
                {
                    var at = expected ?? lineNumber;
                    Break(at, $"event {at} (line {lineNumber}): the line does not parse as an event ({why})");
                    expected = at + 1;
                    previousHash = null;
                    previous = null;
                    continue;
                }
                var sequence = parsed.Sequence;
                if (expected is { } want && sequence != want)
                {
                    Break(want, $"event {want} (line {lineNumber}): the line holds event {sequence} instead: events missing, inserted or out of order");
                }
                var contentIntact = parsed.Full is not { } full || AuditCanonicalForm.HashMatches(full, parsed.Hash);
                if (previousHash is not null && !string.Equals(parsed.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    if (previous is { Full: null } && previous.Sequence == sequence - 1 && parsed.Full is not null && contentIntact)
                    {
                        // The full event's own hash covers its previous hash, so that one is authentic: the stub was changed.
                        Break(previous.Sequence, $"event {previous.Sequence}: its hash is not the previous hash event {sequence} was written with: the withheld event was changed");
                    }
                    else
                    {
                        Break(sequence, previous is null
                            ? $"event {sequence}: previous hash does not match the hash the range starts from"
                            : $"event {sequence}: previous hash does not match the hash of event {previous.Sequence} before it");
                    }
                }
                if (parsed.Full is { } e)
                {
                    _tenderEvents++;
                    if (!contentIntact)
                    {
                        Break(sequence, $"event {sequence}: content does not match its hash: the event was changed after it was written");
                    }
                    if (tenderId is { } t && e.TenderId != t)
                    {
                        Break(sequence, $"event {sequence}: shown in full but belongs to tender {e.TenderId?.ToString("D") ?? "(none)"}, not to the exported tender {t:D}");
                    }
                }
                else
                {
                    if (parsed.Redacted is { } r)
                    {
                        _tenderEvents++;
                        _redacted++;
                        if (tenderId is { } t && r.TenderId != t)
                        {
                            Break(sequence, $"event {sequence}: belongs to tender {r.TenderId?.ToString("D") ?? "(none)"}, not to the exported tender {t:D}");
                        }
                    }
                    else
                    {
                        _withheld++;
                    }
                    if (parsed.Hash.Length != 64 || !parsed.Hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
                    {
                        Break(sequence, $"event {sequence}: hash '{parsed.Hash}' is not 64 lowercase hex digits");
                    }
                }
                previous = parsed;
                previousHash = parsed.Hash;
                _head = parsed.Hash;
                expected = sequence + 1;
            }
            if (range is null)
            {
                return;
            }
            if (previous is null || previous.Sequence != range.LastSequence || lineNumber != range.EventCount)
            {
                _problems.Add($"events.jsonl: {lineNumber} lines ending at event {previous?.Sequence.ToString() ?? "?"}; the manifest says {range.EventCount} events {range.FirstSequence}..{range.LastSequence}");
            }
            if (!string.Equals(_head, range.HeadHash, StringComparison.Ordinal))
            {
                _problems.Add($"events.jsonl: head hash {_head ?? "(none)"} is not the manifest's head hash {range.HeadHash}");
            }
            if (_tenderEvents != range.TenderEventCount || _withheld != range.WithheldEventCount || _redacted != range.PayloadWithheldCount)
            {
                _problems.Add($"events.jsonl: {_tenderEvents} events of the tender ({_redacted} without payload) and {_withheld} withheld; the manifest says {range.TenderEventCount} ({range.PayloadWithheldCount}) and {range.WithheldEventCount}");
            }
        }

        private void CheckDocuments()
        {
            var bytes = Entries.GetValueOrDefault(AuditExportFormat.Documents)?.Bytes;
            if (bytes is null)
            {
                _problems.Add("documents.jsonl is missing");
                return;
            }
            var included = new HashSet<string>(StringComparer.Ordinal);
            var lineNumber = 0;
            foreach (var line in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }
                ExportDocument? document;
                try
                {
                    document = JsonSerializer.Deserialize<ExportDocument>(line, AuditExportFormat.JsonLine);
                }
                catch (JsonException e)
                {
                    _problems.Add($"documents.jsonl line {lineNumber}: does not parse ({e.Message})");
                    continue;
                }
                if (document is null)
                {
                    continue;
                }
                if (document.Content == AuditExportFormat.ContentIncluded)
                {
                    if (document.Path is null || !Entries.TryGetValue(document.Path, out var entry))
                    {
                        _problems.Add($"document {document.Id}: listed as included but {document.Path ?? "(no path)"} is not in the package");
                        continue;
                    }
                    included.Add(document.Path);
                    if (!string.Equals(entry.Sha256, document.Sha256, StringComparison.Ordinal) || entry.Length != document.SizeBytes)
                    {
                        _problems.Add($"document {document.Id} ({document.Path}): content SHA-256 {entry.Sha256} ({entry.Length} bytes) does not match documents.jsonl ({document.Sha256}, {document.SizeBytes} bytes)");
                    }
                }
                else if (document.Content != AuditExportFormat.ContentWithheld)
                {
                    _problems.Add($"document {document.Id}: content '{document.Content}' is neither included nor withheld");
                }
            }
            foreach (var path in Entries.Keys.Where(p => p.StartsWith(AuditExportFormat.DocumentsFolder, StringComparison.Ordinal) && !included.Contains(p)).Order(StringComparer.Ordinal))
            {
                _problems.Add($"{path}: a document in the package that documents.jsonl does not list as included");
            }
        }

        private void CheckDefinitions()
        {
            foreach (var definition in _manifest?.Definitions ?? [])
            {
                if (!Entries.TryGetValue(definition.Path, out var entry))
                {
                    _problems.Add($"definition {definition.Id} v{definition.Version}: {definition.Path} is missing");
                }
                else if (!string.Equals(entry.Sha256, definition.ContentHash, StringComparison.Ordinal))
                {
                    _problems.Add($"definition {definition.Id} v{definition.Version}: SHA-256 {entry.Sha256} is not its content hash {definition.ContentHash}");
                }
            }
        }

        private ExportServerVerification? CheckServerReport()
        {
            var bytes = Entries.GetValueOrDefault(AuditExportFormat.Verification)?.Bytes;
            if (bytes is null)
            {
                _problems.Add("verification.json is missing");
                return null;
            }
            var server = Parse<ExportServerVerification>(AuditExportFormat.Verification, bytes);
            if (server is not null && _manifest is not null && !string.Equals(server.RangeHeadHash, _manifest.Range.HeadHash, StringComparison.Ordinal))
            {
                _problems.Add($"verification.json: range head {server.RangeHeadHash} is not the manifest's head hash {_manifest.Range.HeadHash}");
            }
            // The package's own links can all hold while the server's chain was broken outside the range, or in another
            // tender's event, which travels here as a stub: the package is then no evidence of an intact trail.
            if (server is { ChainIntactFromGenesis: false })
            {
                _problems.Add($"verification.json: the server found its chain broken at event {server.BrokenAtSequence} when it exported ({server.Problem})");
            }
            return server;
        }

        private T? Parse<T>(string name, byte[] bytes) where T : class
        {
            try
            {
                var value = JsonSerializer.Deserialize<T>(bytes, Strict);
                if (value is null)
                {
                    _problems.Add($"{name}: empty");
                }
                return value;
            }
            catch (JsonException e)
            {
                _problems.Add($"{name}: does not parse ({e.Message})");
                return null;
            }
        }

        private void Break(long sequence, string problem) => _breaks.Add(new ChainBreak(sequence, problem));

        /// <summary>A package's files as the format declares them: a missing or null member is a problem, not a crash further on.</summary>
        private static readonly JsonSerializerOptions Strict = new(AuditExportFormat.Json)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
    }
}
