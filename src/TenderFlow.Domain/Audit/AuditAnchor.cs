using System.Globalization;

namespace TenderFlow.Domain.Audit;

/// <summary>
/// A point of the chain written down outside the database: the event count and head hash of an earlier verification,
/// or <c>lastSequence</c> and <c>headHash</c> of a signed export. The chain alone proves only that it is consistent
/// with itself; someone who can write the database file can cut events off its end, or rewrite events and recompute
/// every hash after them, and the chain stays consistent. Against an anchor neither goes unnoticed.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash)
{
    public const string Format = "SEQUENCE:HASH (e.g. 1234:9f86d081…, 64 hex digits)";

    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    public static bool TryParse(string? text, out AuditAnchor? anchor)
    {
        anchor = null;
        var parts = (text ?? "").Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
        {
            return false;
        }
        anchor = new AuditAnchor(sequence, parts[1].ToLowerInvariant());
        return true;
    }

    /// <summary>
    /// How a chain that verified intact no longer holds this anchor, or null when it does. <paramref name="hashNow"/> is
    /// the stored hash of event <see cref="Sequence"/> (null when there is none). A broken chain is reported for its own break.
    /// </summary>
    public AnchorBreak? Check(AuditVerification chain, string? hashNow)
    {
        if (!chain.Intact)
        {
            return null;
        }
        if (chain.EventCount < Sequence || hashNow is null)
        {
            return new AnchorBreak(AnchorBreakKind.CutOff, chain.EventCount, null);
        }
        return string.Equals(hashNow, Hash, StringComparison.Ordinal) ? null : new AnchorBreak(AnchorBreakKind.Rewritten, chain.EventCount, hashNow);
    }

    /// <summary>The break in words (English, for operators and integrators; the portal words it per language from the kind).</summary>
    public string Describe(AnchorBreak found) => found.Kind switch
    {
        AnchorBreakKind.CutOff => $"the chain ends at event {found.ChainEventCount}, but event {Sequence} was recorded with hash {Hash}: events were removed from its end",
        AnchorBreakKind.Rewritten => $"event {Sequence} now has hash {found.HashNow}, but {Hash} was recorded: the anchor was copied wrongly, or the chain up to event {Sequence} was rewritten and its hashes recomputed",
    };
}

public enum AnchorBreakKind
{
    /// <summary>The anchored event is gone: events were removed from the chain's end.</summary>
    CutOff,

    /// <summary>The anchored event has another hash: it, or an event before it, was changed and the hashes recomputed (or the anchor was copied wrongly).</summary>
    Rewritten,
}

public sealed record AnchorBreak(AnchorBreakKind Kind, long ChainEventCount, string? HashNow);
