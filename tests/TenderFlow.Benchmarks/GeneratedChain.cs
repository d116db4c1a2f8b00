using System.Buffers;
using System.Collections.Concurrent;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Benchmarks;

public sealed record ChainLink(GeneratedEvent Event, string PreviousHash, string Hash, byte[] Canonical);

/// <summary>
/// The benchmark chain, link by link: generated events hashed with <see cref="AuditCanonicalForm.ComputeHash(long, DateTime, string, string, Guid?, string, string, string, string)"/>
/// exactly as <see cref="Web.Features.Audit.AuditTrail"/> hashes them, plus each event's canonical bytes
/// (<see cref="AuditCanonicalForm.Write(IBufferWriter{byte}, long, DateTime, string, string, Guid?, string, string, string, string)"/>) for the SHA-256 baseline.
/// Produced on a second thread, a little ahead of whoever stores the links.
/// </summary>
public static class GeneratedChain
{
    public const int Seed = 20261125;

    private const int ChunkSize = 1024;

    public static IEnumerable<ChainLink> Links(long count)
    {
        // Handed over in chunks: one hand-over per link would cost more thread wake-ups than the links cost to make.
        using var queue = new BlockingCollection<ChainLink[]>(boundedCapacity: 8);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in Generate(count).Chunk(ChunkSize))
                {
                    queue.Add(chunk);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        foreach (var chunk in queue.GetConsumingEnumerable())
        {
            foreach (var link in chunk)
            {
                yield return link;
            }
        }
        producer.GetAwaiter().GetResult();
    }

    private static IEnumerable<ChainLink> Generate(long count)
    {
        var generator = new AuditEventGenerator(Seed);
        var writer = new ArrayBufferWriter<byte>(1024);
        var previous = AuditCanonicalForm.GenesisHash;
        for (long sequence = 1; sequence <= count; sequence++)
        {
            var e = generator.Next(sequence);
            var hash = AuditCanonicalForm.ComputeHash(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, previous);
            writer.ResetWrittenCount();
            AuditCanonicalForm.Write(writer, e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, previous);
            yield return new ChainLink(e, previous, hash, writer.WrittenSpan.ToArray());
            previous = hash;
        }
    }
}
