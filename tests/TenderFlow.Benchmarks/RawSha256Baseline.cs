using System.Diagnostics;
using System.Security.Cryptography;

namespace TenderFlow.Benchmarks;

/// <summary>The ceiling for verification: SHA-256 over each event's canonical bytes, already in memory, nothing else.</summary>
public static class RawSha256Baseline
{
    /// <summary>One-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> per event: the baseline the target is set against.</summary>
    public static TimeSpan OneShot(CanonicalCorpus corpus)
    {
        Span<byte> digest = stackalloc byte[32];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < corpus.Count; i++)
        {
            SHA256.HashData(corpus[i], digest);
        }
        return stopwatch.Elapsed;
    }

    /// <summary>One reused <see cref="IncrementalHash"/> (as the verifier hashes): shows what the per-call set-up of the one-shot costs.</summary>
    public static TimeSpan Reused(CanonicalCorpus corpus)
    {
        Span<byte> digest = stackalloc byte[32];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < corpus.Count; i++)
        {
            sha.AppendData(corpus[i]);
            sha.GetHashAndReset(digest);
        }
        return stopwatch.Elapsed;
    }
}
