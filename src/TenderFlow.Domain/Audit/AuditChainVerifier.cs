using System.Text;

namespace TenderFlow.Domain.Audit;

/// <summary>The outcome of a walk; <see cref="Problem"/> is the English text the API and CLI print, <see cref="Explanation"/> the same in Dutch and English for the portal.</summary>
public sealed record AuditVerification(bool Intact, long EventCount, string HeadHash, long? BrokenAtSequence, string? Problem, Workflow.Definitions.LocalizedText? Explanation = null)
{
    public static AuditVerification Ok(long count, string head) => new(true, count, head, null, null);
}

/// <summary>Walks the chain in sequence order and names the first event that does not fit.</summary>
/// <remarks>
/// Events come in as objects (<see cref="Accept(AuditEvent)"/>) or, from a reader that holds them as UTF-8, as their
/// canonical bytes (<see cref="AcceptUtf8"/>); the checks, their order and the problems named are the same either way,
/// and the two may be mixed. The hash of the last accepted event is kept as text or as bytes, whichever came last.
/// </remarks>
public sealed class AuditChainVerifier
{
    private static readonly Workflow.Definitions.LocalizedText PreviousHashProblem = new(
        "de vorige hash komt niet overeen met de hash van de gebeurtenis ervoor", "previous hash does not match the hash of the event before it");

    private static readonly Workflow.Definitions.LocalizedText ContentProblem = new(
        "de inhoud past niet bij de hash: de gebeurtenis is na het wegschrijven veranderd", "content does not match its hash: the event was changed after it was written");

    private long _count;
    private long _expectedSequence = 1;
    private string? _previousHash = AuditCanonicalForm.GenesisHash;
    private readonly byte[] _previousHashUtf8 = new byte[64];
    private bool _previousHashUtf8Known;

    public AuditVerification? Broken { get; private set; }

    /// <summary>An event whose hash to keep while walking (an anchor's), so that it comes from the snapshot that was verified.</summary>
    public long? Watch { get; init; }

    /// <summary>The hash of event <see cref="Watch"/>, once the walk accepted it.</summary>
    public string? WatchedHash { get; private set; }

    /// <summary>Feeds the next event; returns false once the chain is found broken.</summary>
    public bool Accept(AuditEvent e)
    {
        if (Broken is not null)
        {
            return false;
        }
        Workflow.Definitions.LocalizedText? problem = null;
        if (e.Sequence != _expectedSequence)
        {
            problem = SequenceProblem(e.Sequence);
        }
        else if (!string.Equals(e.PreviousHash, PreviousHash, StringComparison.Ordinal))
        {
            problem = PreviousHashProblem;
        }
        else if (!AuditCanonicalForm.HashMatches(e, e.Hash))
        {
            problem = ContentProblem;
        }
        if (problem is not null)
        {
            return Break(e.Sequence, problem);
        }
        _count++;
        _expectedSequence++;
        _previousHash = e.Hash;
        _previousHashUtf8Known = false;
        if (e.Sequence == Watch)
        {
            WatchedHash = e.Hash;
        }
        return true;
    }

    /// <summary>
    /// Feeds the next event as UTF-8: <paramref name="canonical"/> must be its <see cref="AuditCanonicalForm"/> bytes
    /// (written from the same values, <paramref name="previousHashUtf8"/> included), and every text value well-formed
    /// UTF-8. Nothing is allocated. Returns false once the chain is found broken.
    /// </summary>
    public bool AcceptUtf8(long sequence, ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> previousHashUtf8, ReadOnlySpan<byte> hashUtf8)
    {
        if (Broken is not null)
        {
            return false;
        }
        Workflow.Definitions.LocalizedText? problem = null;
        if (sequence != _expectedSequence)
        {
            problem = SequenceProblem(sequence);
        }
        else if (!previousHashUtf8.SequenceEqual(PreviousHashUtf8))
        {
            problem = PreviousHashProblem;
        }
        else if (!AuditCanonicalForm.HashMatches(canonical, hashUtf8))
        {
            problem = ContentProblem;
        }
        if (problem is not null)
        {
            return Break(sequence, problem);
        }
        _count++;
        _expectedSequence++;
        hashUtf8.CopyTo(_previousHashUtf8);   // 64 bytes: it matched a hex SHA-256
        _previousHashUtf8Known = true;
        _previousHash = null;
        if (sequence == Watch)
        {
            WatchedHash = PreviousHash;
        }
        return true;
    }

    /// <summary>The next event's stored values cannot be read as an event at all: the chain is broken there (or earlier, if it is out of sequence).</summary>
    public bool Reject(long sequence, Workflow.Definitions.LocalizedText problem) =>
        Broken is null && Break(sequence, sequence != _expectedSequence ? SequenceProblem(sequence) : problem);

    public AuditVerification Result() => Broken ?? AuditVerification.Ok(_count, PreviousHash);

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

    /// <summary>Always 64 lowercase hex digits: the genesis hash or a hash an accepted event matched, so text and bytes convert exactly.</summary>
    private string PreviousHash => _previousHash ??= Encoding.ASCII.GetString(_previousHashUtf8);

    private ReadOnlySpan<byte> PreviousHashUtf8
    {
        get
        {
            if (!_previousHashUtf8Known)
            {
                Encoding.ASCII.GetBytes(_previousHash!, _previousHashUtf8);
                _previousHashUtf8Known = true;
            }
            return _previousHashUtf8;
        }
    }

    private Workflow.Definitions.LocalizedText SequenceProblem(long sequence) => new(
        $"volgnummer {sequence} volgt op {_expectedSequence - 1}: er ontbreken gebeurtenissen of er zijn er ingevoegd",
        $"sequence {sequence} follows {_expectedSequence - 1}: event(s) missing or inserted");

    private bool Break(long sequence, Workflow.Definitions.LocalizedText problem)
    {
        Broken = new AuditVerification(false, _count, PreviousHash, sequence, problem.En, problem);
        return false;
    }
}
