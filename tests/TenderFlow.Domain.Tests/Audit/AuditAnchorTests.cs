using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.Audit;

public class AuditAnchorTests
{
    private static readonly string Hash = new('a', 64);

    [Theory]
    [InlineData("12:" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 12)]
    [InlineData(" 1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ", 1)]
    [InlineData("1234: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1234)]
    public void An_anchor_is_a_sequence_and_a_hash(string text, long sequence)
    {
        Assert.True(AuditAnchor.TryParse(text, out var anchor));
        Assert.Equal(new AuditAnchor(sequence, Hash), anchor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("0:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("-3:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("12:aaaa")]
    [InlineData("12:gaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("12:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:1")]
    public void Anything_else_is_not_an_anchor(string? text) => Assert.False(AuditAnchor.TryParse(text, out _));

    [Fact]
    public void A_chain_that_still_has_the_anchored_event_with_its_hash_holds_it_also_after_it_grew() =>
        Assert.Null(new AuditAnchor(5, Hash).Check(AuditVerification.Ok(9, new string('b', 64)), Hash));

    [Fact]
    public void A_chain_shorter_than_the_anchor_lost_events_from_its_end()
    {
        var anchor = new AuditAnchor(5, Hash);

        var found = anchor.Check(AuditVerification.Ok(3, new string('b', 64)), null);

        Assert.Equal(new AnchorBreak(AnchorBreakKind.CutOff, 3, null), found);
        Assert.Equal($"the chain ends at event 3, but event 5 was recorded with hash {Hash}: events were removed from its end", anchor.Describe(found!));
    }

    [Fact]
    public void Another_hash_at_the_anchored_event_means_the_chain_was_rewritten()
    {
        var now = new string('c', 64);

        var anchor = new AuditAnchor(5, Hash);

        var found = anchor.Check(AuditVerification.Ok(7, new string('b', 64)), now);

        Assert.Equal(new AnchorBreak(AnchorBreakKind.Rewritten, 7, now), found);
        Assert.Equal($"event 5 now has hash {now}, but {Hash} was recorded: the anchor was copied wrongly, or the chain up to event 5 was rewritten and its hashes recomputed", anchor.Describe(found!));
    }

    [Fact]
    public void A_broken_chain_is_reported_for_its_own_break_not_for_the_anchor() =>
        Assert.Null(new AuditAnchor(5, Hash).Check(new AuditVerification(false, 2, new string('b', 64), 3, "content does not match its hash"), null));

    [Theory]
    [InlineData(3L, true)]
    [InlineData(9L, false)]
    public void The_verifier_keeps_the_hash_of_the_watched_event_as_it_walks_past(long watch, bool inChain)
    {
        var chain = AuditEvents.Chain(5);
        var verifier = new AuditChainVerifier { Watch = watch };

        Assert.All(chain, e => Assert.True(verifier.Accept(e)));

        Assert.Equal(inChain ? chain[(int)watch - 1].Hash : null, verifier.WatchedHash);
    }
}
