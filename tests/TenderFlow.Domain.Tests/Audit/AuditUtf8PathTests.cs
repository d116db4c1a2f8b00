using System.Buffers;
using System.Text;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.Audit;

/// <summary>The UTF-8 way in (what a database reader holds) must give exactly the bytes and verdicts of the string way in.</summary>
public class AuditUtf8PathTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] StringCanonical(AuditEvent e)
    {
        var writer = new ArrayBufferWriter<byte>();
        AuditCanonicalForm.Write(writer, e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, e.PreviousHash);
        return writer.WrittenSpan.ToArray();
    }

    private static byte[] Utf8Canonical(AuditEvent e)
    {
        var text = U(e.ActorId).Length + U(e.ActorRole).Length + U(e.Action).Length + U(e.Subject).Length + U(e.PayloadJson).Length + U(e.PreviousHash).Length;
        var buffer = new byte[AuditCanonicalForm.GetMaxByteCount(text)];
        var n = AuditCanonicalForm.Write(buffer, e.Sequence, e.OccurredAtUtc, U(e.ActorId), U(e.ActorRole), e.TenderId,
            U(e.Action), U(e.Subject), U(e.PayloadJson), U(e.PreviousHash));
        return buffer[..n];
    }

    private static AuditVerification VerifyUtf8(IEnumerable<AuditEvent> events)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in events)
        {
            if (!verifier.AcceptUtf8(e.Sequence, Utf8Canonical(e), U(e.PreviousHash), U(e.Hash)))
            {
                break;
            }
        }
        return verifier.Result();
    }

    [Fact]
    public void Both_ways_in_write_the_same_bytes_and_hash()
    {
        var events = AuditEvents.Chain(4);
        events.Add(AuditEvents.Sealed(AuditEvents.Copy(events[3], sequence: 5, payloadJson: "{\"reason\":\"naïef – €\"}", previousHash: events[3].Hash)));

        Assert.All(events, e =>
        {
            var bytes = Utf8Canonical(e);
            Assert.Equal(StringCanonical(e), bytes);
            Assert.True(AuditCanonicalForm.HashMatches(bytes, U(e.Hash)));
            Assert.False(AuditCanonicalForm.HashMatches(bytes, U(e.Hash.ToUpperInvariant())));
            Assert.False(AuditCanonicalForm.HashMatches(bytes, U(e.Hash[..63])));
        });
    }

    public static TheoryData<string> Tamperings() => new("none", "content", "hash", "deleted", "previousHash");

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Both_ways_in_reach_the_same_verdict(string tampering)
    {
        var chain = AuditEvents.Chain(5);
        switch (tampering)
        {
            case "content": chain[2] = AuditEvents.Copy(chain[2], payloadJson: "{}"); break;
            case "hash": chain[2] = AuditEvents.Copy(chain[2], hash: new string('e', 64)); break;
            case "deleted": chain.RemoveAt(2); break;
            case "previousHash": chain[3] = AuditEvents.Sealed(AuditEvents.Copy(chain[3], previousHash: new string('1', 64))); break;
            default: break;
        }

        Assert.Equal(AuditChainVerifier.Verify(chain), VerifyUtf8(chain));
    }

    [Fact]
    public void The_two_ways_in_may_be_mixed_in_one_walk()
    {
        var chain = AuditEvents.Chain(5);
        var verifier = new AuditChainVerifier();

        for (var i = 0; i < chain.Count; i++)
        {
            var e = chain[i];
            Assert.True(i % 2 == 0 ? verifier.Accept(e) : verifier.AcceptUtf8(e.Sequence, Utf8Canonical(e), U(e.PreviousHash), U(e.Hash)));
        }

        Assert.Equal(AuditVerification.Ok(5, chain[^1].Hash), verifier.Result());
    }
}
