using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TenderFlow.Domain.Audit;

/// <summary>
/// The bytes an audit event's hash is computed over (format "tfa1"), UTF-8:
/// <code>
/// tfa1\n
/// then, in this order, one line per field: &lt;byte length&gt;:&lt;value&gt;\n
///   sequence        decimal, invariant culture
///   occurredAtUtc   yyyy-MM-ddTHH:mm:ss.fffffffZ
///   actorId, actorRole
///   tenderId        lowercase "D" format, or empty
///   action, subject
///   payload         the stored JSON text exactly as stored
///   previousHash    lowercase hex; the first event's is 64 zeros
/// </code>
/// Length prefixes make the encoding unambiguous whatever a value contains.
/// hash = lowercase hex SHA-256 of those bytes.
/// </summary>
/// <remarks>
/// Two ways in, one format: from strings (what the trail appends) and from UTF-8 spans (what a database reader
/// already holds; verifying a long chain then neither decodes nor re-encodes text). Both write the fields with the
/// same code, into a reused per-thread buffer instead of a fresh one per event.
/// </remarks>
public static class AuditCanonicalForm
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const int HashLength = 32;
    private const int HexLength = HashLength * 2;
    private const int TimestampLength = 28;                     // yyyy-MM-ddTHH:mm:ss.fffffffZ
    private const int GuidLength = 36;                          // "D" format
    private const int SequenceMaxLength = 20;                   // long.MinValue
    private const int FieldOverhead = 12;                       // up to 10 length digits, ':' and '\n'
    private const int FixedMaxLength = 5 + 9 * FieldOverhead + SequenceMaxLength + TimestampLength + GuidLength;

    /// <summary>Events larger than this are written into a rented buffer, so no thread keeps a huge one alive.</summary>
    private const int ThreadBufferLimit = 64 * 1024;

    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>
    /// One reusable SHA-256 per thread: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> sets up and
    /// tears down the native digest on every call, which costs more than hashing a few hundred bytes. Same digest.
    /// </summary>
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    private static ReadOnlySpan<byte> Header => "tfa1\n"u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static string ComputeHash(AuditEvent e) =>
        ComputeHash(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, e.PreviousHash);

    public static string ComputeHash(long sequence, DateTime occurredAtUtc, string actorId, string actorRole, Guid? tenderId,
        string action, string subject, string payloadJson, string previousHash)
    {
        Span<byte> digest = stackalloc byte[HashLength];
        HashStrings(sequence, occurredAtUtc, actorId, actorRole, tenderId, action, subject, payloadJson, previousHash, digest);
        return Convert.ToHexStringLower(digest);
    }

    public static void Write(IBufferWriter<byte> writer, long sequence, DateTime occurredAtUtc, string actorId, string actorRole,
        Guid? tenderId, string action, string subject, string payloadJson, string previousHash)
    {
        var lengths = new StringLengths(actorId, actorRole, action, subject, payloadJson, previousHash);
        var span = writer.GetSpan(lengths.MaxCanonicalLength);
        writer.Advance(WriteStrings(span, sequence, occurredAtUtc, actorId, actorRole, tenderId, action, subject, payloadJson, previousHash, lengths));
    }

    /// <summary>Room <see cref="Write(Span{byte}, long, DateTime, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Guid?, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> may need when the text values total <paramref name="utf8TextBytes"/> bytes.</summary>
    public static int GetMaxByteCount(int utf8TextBytes) => checked(FixedMaxLength + utf8TextBytes);

    /// <summary>
    /// Writes the canonical bytes of an event whose text values are already UTF-8 (as SQLite hands them out) and returns
    /// how many bytes were written. Every span must be well-formed UTF-8: its bytes are then exactly what encoding the
    /// decoded string gives, so the result equals what <see cref="Write(IBufferWriter{byte}, long, DateTime, string, string, Guid?, string, string, string, string)"/>
    /// writes for the decoded strings. <paramref name="destination"/> needs <see cref="GetMaxByteCount"/> bytes.
    /// </summary>
    public static int Write(Span<byte> destination, long sequence, DateTime occurredAtUtc, ReadOnlySpan<byte> actorId, ReadOnlySpan<byte> actorRole,
        Guid? tenderId, ReadOnlySpan<byte> action, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> payloadJson, ReadOnlySpan<byte> previousHash)
    {
        var n = WriteHead(destination, sequence, occurredAtUtc);
        n += Field(destination[n..], actorId);
        n += Field(destination[n..], actorRole);
        n += TenderId(destination[n..], tenderId);
        n += Field(destination[n..], action);
        n += Field(destination[n..], subject);
        n += Field(destination[n..], payloadJson);
        n += Field(destination[n..], previousHash);
        return n;
    }

    /// <summary>
    /// Whether the lowercase hex SHA-256 of <paramref name="canonical"/> is exactly <paramref name="expectedHexUtf8"/>
    /// (the same answer as comparing <c>Convert.ToHexStringLower(SHA256.HashData(canonical))</c> with the decoded text), without allocating.
    /// </summary>
    public static bool HashMatches(ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> expectedHexUtf8)
    {
        if (expectedHexUtf8.Length != HexLength)
        {
            return false;
        }
        Span<byte> digest = stackalloc byte[HashLength];
        Sha256(canonical, digest);
        for (var i = 0; i < HashLength; i++)
        {
            if (expectedHexUtf8[2 * i] != HexDigits[digest[i] >> 4] || expectedHexUtf8[2 * i + 1] != HexDigits[digest[i] & 0xF])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether <paramref name="expectedHex"/> is exactly the hash of the event, without allocating strings.</summary>
    internal static bool HashMatches(AuditEvent e, string? expectedHex)
    {
        if (expectedHex is null || expectedHex.Length != HexLength)
        {
            return false;
        }
        Span<byte> digest = stackalloc byte[HashLength];
        HashStrings(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, e.PreviousHash, digest);
        for (var i = 0; i < HashLength; i++)
        {
            if (expectedHex[2 * i] != HexDigits[digest[i] >> 4] || expectedHex[2 * i + 1] != HexDigits[digest[i] & 0xF])
            {
                return false;
            }
        }
        return true;
    }

    private static void HashStrings(long sequence, DateTime occurredAtUtc, string actorId, string actorRole, Guid? tenderId,
        string action, string subject, string payloadJson, string previousHash, Span<byte> digest)
    {
        var lengths = new StringLengths(actorId, actorRole, action, subject, payloadJson, previousHash);
        var max = lengths.MaxCanonicalLength;
        byte[]? rented = null;
        var buffer = max <= ThreadBufferLimit
            ? (t_buffer is { } b && b.Length >= max ? b : t_buffer = new byte[Math.Max(max, 1024)])
            : rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = WriteStrings(buffer, sequence, occurredAtUtc, actorId, actorRole, tenderId, action, subject, payloadJson, previousHash, lengths);
            Sha256(buffer.AsSpan(0, n), digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Sha256(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(data);
        sha.GetHashAndReset(digest);
    }

    private static int WriteStrings(Span<byte> destination, long sequence, DateTime occurredAtUtc, string actorId, string actorRole,
        Guid? tenderId, string action, string subject, string payloadJson, string previousHash, in StringLengths lengths)
    {
        var n = WriteHead(destination, sequence, occurredAtUtc);
        n += Field(destination[n..], actorId, lengths.ActorId);
        n += Field(destination[n..], actorRole, lengths.ActorRole);
        n += TenderId(destination[n..], tenderId);
        n += Field(destination[n..], action, lengths.Action);
        n += Field(destination[n..], subject, lengths.Subject);
        n += Field(destination[n..], payloadJson, lengths.PayloadJson);
        n += Field(destination[n..], previousHash, lengths.PreviousHash);
        return n;
    }

    /// <summary>Header, sequence and timestamp: the part both ways in share.</summary>
    private static int WriteHead(Span<byte> destination, long sequence, DateTime occurredAtUtc)
    {
        Header.CopyTo(destination);
        var n = Header.Length;
        Span<byte> digits = stackalloc byte[SequenceMaxLength];
        sequence.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        n += Field(destination[n..], digits[..length]);
        n += Prefix(destination[n..], TimestampLength);
        WriteTimestamp(destination[n..], occurredAtUtc);
        n += TimestampLength;
        destination[n++] = (byte)'\n';
        return n;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffffffZ of the value's own clock reading (the kind is not looked at, as before).</summary>
    private static void WriteTimestamp(Span<byte> d, DateTime value)
    {
        var (year, month, day) = value;
        var timeOfDay = value.Ticks % TimeSpan.TicksPerDay;
        var hour = (int)(timeOfDay / TimeSpan.TicksPerHour);
        var minute = (int)(timeOfDay / TimeSpan.TicksPerMinute % 60);
        var second = (int)(timeOfDay / TimeSpan.TicksPerSecond % 60);
        var fraction = (int)(timeOfDay % TimeSpan.TicksPerSecond);
        Digits(d[..4], year);
        d[4] = (byte)'-';
        Digits(d.Slice(5, 2), month);
        d[7] = (byte)'-';
        Digits(d.Slice(8, 2), day);
        d[10] = (byte)'T';
        Digits(d.Slice(11, 2), hour);
        d[13] = (byte)':';
        Digits(d.Slice(14, 2), minute);
        d[16] = (byte)':';
        Digits(d.Slice(17, 2), second);
        d[19] = (byte)'.';
        Digits(d.Slice(20, 7), fraction);
        d[27] = (byte)'Z';
    }

    /// <summary>Fills the whole span with the value's decimal digits, zero-padded on the left.</summary>
    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static int TenderId(Span<byte> destination, Guid? tenderId)
    {
        if (tenderId is not { } id)
        {
            return Field(destination, ReadOnlySpan<byte>.Empty);
        }
        var n = Prefix(destination, GuidLength);
        id.TryFormat(destination[n..], out var written, "D");
        n += written;
        destination[n++] = (byte)'\n';
        return n;
    }

    private static int Prefix(Span<byte> destination, int length)
    {
        length.TryFormat(destination, out var n, default, CultureInfo.InvariantCulture);
        destination[n++] = (byte)':';
        return n;
    }

    private static int Field(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        var n = Prefix(destination, value.Length);
        value.CopyTo(destination[n..]);
        n += value.Length;
        destination[n++] = (byte)'\n';
        return n;
    }

    /// <summary>A null string counts as empty, as it always has (the span conversion of null is empty).</summary>
    private static int Field(Span<byte> destination, string? value, int byteCount)
    {
        var n = Prefix(destination, byteCount);
        n += Encoding.UTF8.GetBytes(value.AsSpan(), destination[n..]);
        destination[n++] = (byte)'\n';
        return n;
    }

    /// <summary>The UTF-8 length of each text value (what the length prefixes say), counted once.</summary>
    private readonly struct StringLengths(string actorId, string actorRole, string action, string subject, string payloadJson, string previousHash)
    {
        public readonly int ActorId = Encoding.UTF8.GetByteCount(actorId.AsSpan());
        public readonly int ActorRole = Encoding.UTF8.GetByteCount(actorRole.AsSpan());
        public readonly int Action = Encoding.UTF8.GetByteCount(action.AsSpan());
        public readonly int Subject = Encoding.UTF8.GetByteCount(subject.AsSpan());
        public readonly int PayloadJson = Encoding.UTF8.GetByteCount(payloadJson.AsSpan());
        public readonly int PreviousHash = Encoding.UTF8.GetByteCount(previousHash.AsSpan());

        public int MaxCanonicalLength => GetMaxByteCount(checked(ActorId + ActorRole + Action + Subject + PayloadJson + PreviousHash));
    }
}
