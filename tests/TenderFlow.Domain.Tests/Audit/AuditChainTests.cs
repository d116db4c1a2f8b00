using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.Audit;

public class AuditChainTests
{
    [Fact]
    public void A_valid_chain_is_intact_with_its_count_and_head_hash()
    {
        var chain = AuditEvents.Chain(5);

        var result = AuditChainVerifier.Verify(chain);

        Assert.True(result.Intact);
        Assert.Equal(5, result.EventCount);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
        Assert.Null(result.BrokenAtSequence);
        Assert.Null(result.Problem);
        Assert.Equal(AuditCanonicalForm.GenesisHash, chain[0].PreviousHash);
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public void An_empty_chain_is_intact_at_the_genesis_hash()
    {
        var result = AuditChainVerifier.Verify([]);

        Assert.Equal(AuditVerification.Ok(0, AuditCanonicalForm.GenesisHash), result);
    }

    [Fact]
    public void Changed_content_breaks_the_chain_at_that_event()
    {
        var chain = AuditEvents.Chain(5);
        chain[2] = AuditEvents.Copy(chain[2], payloadJson: chain[2].PayloadJson.Replace("geen", "wel", StringComparison.Ordinal));

        var result = AuditChainVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Contains("content does not match its hash", result.Problem, StringComparison.Ordinal);
        Assert.Equal(2, result.EventCount);
        Assert.Equal(chain[1].Hash, result.HeadHash);
    }

    [Fact]
    public void An_event_that_cannot_be_read_breaks_the_chain_there_unless_it_is_out_of_sequence_already()
    {
        var chain = AuditEvents.Chain(3);
        var verifier = new AuditChainVerifier();
        Assert.True(verifier.Accept(chain[0]));

        var unreadable = new Workflow.Definitions.LocalizedText("TenderId kan niet worden gelezen", "TenderId cannot be read");
        Assert.False(verifier.Reject(2, unreadable));
        Assert.False(verifier.Accept(chain[1]));
        Assert.Equal(new AuditVerification(false, 1, chain[0].Hash, 2, "TenderId cannot be read", unreadable), verifier.Result());

        var skipping = new AuditChainVerifier();
        Assert.True(skipping.Accept(chain[0]));
        Assert.False(skipping.Reject(3, unreadable));
        Assert.Contains("event(s) missing", skipping.Result().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_hash_alone_breaks_the_chain_at_that_event()
    {
        var chain = AuditEvents.Chain(5);
        chain[3] = AuditEvents.Copy(chain[3], hash: new string('f', 64));

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Contains("content does not match its hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_content_with_a_recomputed_hash_breaks_the_chain_at_the_next_event()
    {
        var chain = AuditEvents.Chain(5);
        chain[2] = AuditEvents.Sealed(AuditEvents.Copy(chain[2], actorId: "user:someone-else"));

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Contains("previous hash does not match", result.Problem, StringComparison.Ordinal);
        Assert.Equal(3, result.EventCount);
    }

    [Fact]
    public void A_deleted_event_breaks_the_chain_at_the_next_sequence()
    {
        var chain = AuditEvents.Chain(5);
        chain.RemoveAt(2);

        var result = AuditChainVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Equal("sequence 4 follows 2: event(s) missing or inserted", result.Problem);
        Assert.Equal(2, result.EventCount);
        Assert.Equal(chain[1].Hash, result.HeadHash);
    }

    [Fact]
    public void A_deleted_first_event_breaks_the_chain_at_sequence_two()
    {
        var chain = AuditEvents.Chain(5);
        chain.RemoveAt(0);

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(2, result.BrokenAtSequence);
        Assert.Equal(0, result.EventCount);
        Assert.Equal(AuditCanonicalForm.GenesisHash, result.HeadHash);
    }

    [Fact]
    public void An_altered_previous_hash_breaks_the_chain_at_that_event_even_if_resealed()
    {
        var chain = AuditEvents.Chain(5);
        chain[3] = AuditEvents.Sealed(AuditEvents.Copy(chain[3], previousHash: new string('1', 64)));

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Equal("previous hash does not match the hash of the event before it", result.Problem);
        Assert.Equal(3, result.EventCount);
        Assert.Equal(chain[2].Hash, result.HeadHash);
    }

    [Fact]
    public void A_first_event_not_chained_to_genesis_breaks_the_chain_at_one()
    {
        var chain = AuditEvents.Chain(3);
        chain[0] = AuditEvents.Sealed(AuditEvents.Copy(chain[0], previousHash: new string('1', 64)));

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(1, result.BrokenAtSequence);
        Assert.Equal(0, result.EventCount);
    }

    [Fact]
    public void An_inserted_event_breaks_the_chain()
    {
        var chain = AuditEvents.Chain(5);
        chain.Insert(2, chain[1]);

        var result = AuditChainVerifier.Verify(chain);

        Assert.Equal(2, result.BrokenAtSequence);
        Assert.Equal("sequence 2 follows 2: event(s) missing or inserted", result.Problem);
    }

    [Fact]
    public void The_verifier_stops_at_the_first_break()
    {
        var chain = AuditEvents.Chain(5);
        chain[1] = AuditEvents.Copy(chain[1], payloadJson: "{}");
        chain[3] = AuditEvents.Copy(chain[3], payloadJson: "{}");
        var verifier = new AuditChainVerifier();

        Assert.True(verifier.Accept(chain[0]));
        Assert.False(verifier.Accept(chain[1]));
        Assert.False(verifier.Accept(chain[2]));

        Assert.Equal(2, verifier.Result().BrokenAtSequence);
        Assert.Same(verifier.Broken, verifier.Result());
    }
}
