namespace TenderFlow.Domain.Audit;

public sealed record AuditVerification(bool Intact, long EventCount, string HeadHash, long? BrokenAtSequence, string? Problem)
{
    public static AuditVerification Ok(long count, string head) => new(true, count, head, null, null);
}

/// <summary>Walks the chain in sequence order and names the first event that does not fit.</summary>
public sealed class AuditChainVerifier
{
    private long _count;
    private long _expectedSequence = 1;
    private string _previousHash = AuditCanonicalForm.GenesisHash;

    public AuditVerification? Broken { get; private set; }

    /// <summary>Feeds the next event; returns false once the chain is found broken.</summary>
    public bool Accept(AuditEvent e)
    {
        if (Broken is not null)
        {
            return false;
        }
        string? problem = null;
        if (e.Sequence != _expectedSequence)
        {
            problem = $"sequence {e.Sequence} follows {_expectedSequence - 1}: event(s) missing or inserted";
        }
        else if (!string.Equals(e.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            problem = "previous hash does not match the hash of the event before it";
        }
        else if (!string.Equals(AuditCanonicalForm.ComputeHash(e), e.Hash, StringComparison.Ordinal))
        {
            problem = "content does not match its hash: the event was changed after it was written";
        }
        if (problem is not null)
        {
            Broken = new AuditVerification(false, _count, _previousHash, e.Sequence, problem);
            return false;
        }
        _count++;
        _expectedSequence++;
        _previousHash = e.Hash;
        return true;
    }

    public AuditVerification Result() => Broken ?? AuditVerification.Ok(_count, _previousHash);

    public static AuditVerification Verify(IEnumerable<AuditEvent> events)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in events)
        {
            if (!verifier.Accept(e))
            {
                break;
            }
        }
        return verifier.Result();
    }
}
