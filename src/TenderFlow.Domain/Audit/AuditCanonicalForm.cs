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
public static class AuditCanonicalForm
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
    private static readonly byte[] Header = "tfa1\n"u8.ToArray();

    public static string ComputeHash(AuditEvent e) =>
        ComputeHash(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject, e.PayloadJson, e.PreviousHash);

    public static string ComputeHash(long sequence, DateTime occurredAtUtc, string actorId, string actorRole, Guid? tenderId,
        string action, string subject, string payloadJson, string previousHash)
    {
        var writer = new ArrayBufferWriter<byte>(512);
        Write(writer, sequence, occurredAtUtc, actorId, actorRole, tenderId, action, subject, payloadJson, previousHash);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(writer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    public static void Write(IBufferWriter<byte> writer, long sequence, DateTime occurredAtUtc, string actorId, string actorRole,
        Guid? tenderId, string action, string subject, string payloadJson, string previousHash)
    {
        writer.Write(Header);
        Span<char> scratch = stackalloc char[40];
        sequence.TryFormat(scratch, out var n, default, CultureInfo.InvariantCulture);
        Field(writer, scratch[..n]);
        DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc).TryFormat(scratch, out n, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        Field(writer, scratch[..n]);
        Field(writer, actorId);
        Field(writer, actorRole);
        if (tenderId is { } id)
        {
            id.TryFormat(scratch, out n, "D");
            Field(writer, scratch[..n]);
        }
        else
        {
            Field(writer, ReadOnlySpan<char>.Empty);
        }
        Field(writer, action);
        Field(writer, subject);
        Field(writer, payloadJson);
        Field(writer, previousHash);
    }

    private static void Field(IBufferWriter<byte> writer, ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[12];
        length.TryFormat(prefix, out var n, default, CultureInfo.InvariantCulture);
        prefix[n++] = (byte)':';
        writer.Write(prefix[..n]);
        var span = writer.GetSpan(length + 1);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)'\n';
        writer.Advance(length + 1);
    }
}
