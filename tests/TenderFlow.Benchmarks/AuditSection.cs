using System.Diagnostics;

namespace TenderFlow.Benchmarks;

/// <summary>
/// Verification of a long chain straight from SQLite next to plain SHA-256 over the same canonical bytes in memory.
/// Target: verification ≥ 50 % of the raw SHA-256 rate. After a first verification that warms up the JIT, both sides
/// run in three interleaved rounds and their total times are compared.
/// </summary>
public static class AuditSection
{
    public const double MinimumShareOfRaw = 0.50;

    private const int Rounds = 3;

    private static VerificationRun Checked(VerificationRun run, BuiltChain chain)
    {
        if (!run.Result.Intact || run.Result.EventCount != chain.Count || run.Result.HeadHash != chain.HeadHash)
        {
            throw new InvalidOperationException(
                $"Verification disagrees with the generated chain: intact={run.Result.Intact}, count={run.Result.EventCount}, broken at {run.Result.BrokenAtSequence}: {run.Result.Problem}");
        }
        return run;
    }

    public static async Task RunAsync(TempDirectory temp, Report report, int events)
    {
        report.Title($"Audit: verifying a {Report.Count(events)}-event chain from the file (AuditChainReader.Verify) vs raw SHA-256");
        var canonicalFile = Path.Combine(temp.Sub("corpus"), "canonical.bin");
        var chain = await AuditChainBuilder.BuildAsync(temp.Sub("audit"), events, canonicalFile);
        report.Line("chain written to migrated AuditEvents table", $"{Report.Count(chain.Count)} events in {Report.Seconds(chain.Elapsed)}");
        report.Line("database file", $"{Report.Mb(new FileInfo(chain.DatabaseFile).Length)} MB");
        report.Line("payload JSON bytes (avg / min / max)",
            $"{(chain.PayloadBytes / (double)chain.Count).ToString("N0", Report.Culture)} / {chain.MinPayload} / {chain.MaxPayload}");
        var (journal, synchronous) = SqlitePragmas.Read(chain.ConnectionString);
        report.Line("journal_mode / synchronous (verifier's connection)", $"{journal} / {synchronous}");

        // The first verification also warms up the JIT; it is shown, not counted.
        var first = Checked(AuditVerificationBenchmark.Run(chain.ConnectionString), chain);
        var peakAfterVerify = Process.GetCurrentProcess().PeakWorkingSet64;

        // The same canonical bytes, written next to the database while it was built, now read into memory.
        var corpus = CanonicalCorpus.Load(canonicalFile, events);
        File.Delete(canonicalFile);
        if (corpus.Count != chain.Count || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(corpus[corpus.Count - 1])) != chain.HeadHash)
        {
            throw new InvalidOperationException("The in-memory canonical bytes are not those of the chain that was written.");
        }
        RawSha256Baseline.OneShot(corpus);

        // Interleaved rounds, totals compared: a busy spell on this shared machine hits both sides alike.
        var verifyTime = TimeSpan.Zero;
        var processorTime = TimeSpan.Zero;
        var allocated = 0L;
        var shaTime = TimeSpan.Zero;
        var reusedTime = TimeSpan.Zero;
        var runs = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var sha = RawSha256Baseline.OneShot(corpus);
            var run = Checked(AuditVerificationBenchmark.Run(chain.ConnectionString), chain);
            reusedTime += RawSha256Baseline.Reused(corpus);
            shaTime += sha;
            verifyTime += run.Elapsed;
            processorTime += run.ProcessorTime;
            allocated += run.AllocatedBytes;
            runs.Add($"{run.Elapsed.TotalSeconds.ToString("N2", Report.Culture)}/{sha.TotalSeconds.ToString("N2", Report.Culture)}");
        }

        var verified = (double)chain.Count * Rounds;
        var verifyRate = verified / verifyTime.TotalSeconds;
        var shaRate = verified / shaTime.TotalSeconds;
        var reusedRate = verified / reusedTime.TotalSeconds;
        var share = verifyRate / shaRate;
        report.Line("canonical bytes (total / avg per event)",
            $"{Report.Mb(corpus.TotalBytes)} MB / {(corpus.TotalBytes / (double)corpus.Count).ToString("N0", Report.Culture)} B");
        report.Line("verify result", $"intact, {Report.Count(first.Result.EventCount)} events, head {first.Result.HeadHash[..16]}…");
        report.Line("first verify (JIT warm-up, not counted)", Report.Seconds(first.Elapsed));
        report.Line($"rounds of verify / raw SHA-256 (s)", string.Join("  ", runs));
        report.Line("verify events/s", Report.Rate(verifyRate));
        report.Line("verify MB/s of canonical bytes", Report.Rate(corpus.TotalBytes * Rounds / 1e6 / verifyTime.TotalSeconds));
        report.Line("verify CPU time (reader + hasher thread)", $"{(processorTime / Rounds).TotalSeconds.ToString("N2", Report.Culture)} s per run " +
            $"({(processorTime / verifyTime).ToString("N2", Report.Culture)} cores busy on average)");
        report.Line("verify managed allocations", $"{Report.Mb(allocated / Rounds)} MB per run ({(allocated / verified).ToString("N0", Report.Culture)} B/event)");
        report.Line("peak working set after verify (no corpus yet)", $"{Report.Mb(peakAfterVerify)} MB");
        report.Line("raw SHA256.HashData events/s", Report.Rate(shaRate));
        report.Line("raw SHA256.HashData MB/s", Report.Rate(corpus.TotalBytes * Rounds / 1e6 / shaTime.TotalSeconds));
        report.Line("verify / raw SHA256.HashData", Report.Percent(share));
        report.Line("(context) reused IncrementalHash events/s", $"{Report.Rate(reusedRate)}, verify / that = {Report.Percent(verifyRate / reusedRate)}");
        report.Target($"verification ≥ {MinimumShareOfRaw * 100:N0} % of raw SHA-256", share >= MinimumShareOfRaw, Report.Percent(share));
    }
}
