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
        var parts = (text ?? "").Trim().Split(':');
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
    /// Why a chain that verified intact no longer holds this anchor, or null when it does. <paramref name="hashNow"/> is
    /// the stored hash of event <see cref="Sequence"/> (null when there is none). A broken chain is reported for its own break.
    /// </summary>
    public string? Problem(AuditVerification chain, string? hashNow)
    {
        if (!chain.Intact)
        {
            return null;
        }
        if (chain.EventCount < Sequence || hashNow is null)
        {
            return $"the chain ends at event {chain.EventCount}, but event {Sequence} was recorded with hash {Hash}: events were removed from its end";
        }
        return string.Equals(hashNow, Hash, StringComparison.Ordinal)
            ? null
            : $"event {Sequence} now has hash {hashNow}, but {Hash} was recorded: the chain up to event {Sequence} was rewritten and its hashes recomputed";
    }
}
