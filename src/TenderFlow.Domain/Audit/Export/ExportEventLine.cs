using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TenderFlow.Domain.Audit.Export;

/// <summary>
/// One line of events.jsonl: an event of the exported tender in full (every field the hash covers, the payload as the
/// stored JSON text in a string); an event of the tender whose payload holds confidential content, with everything but
/// the payload (<see cref="Redacted"/>, "payloadWithheld": reason); or another tender's event as a withheld stub
/// (sequence and hashes only). Only full events can be checked against their hash; the others are link-checked.
/// </summary>
public sealed record ExportEventLine(long Sequence, string PreviousHash, string Hash, AuditEvent? Full, RedactedEvent? Redacted = null)
{
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Another tender's event: nothing but its place in the chain.</summary>
    public bool Withheld => Full is null && Redacted is null;

    public static void WriteRedacted(IBufferWriter<byte> output, AuditEvent e, string reason)
    {
        using var json = new Utf8JsonWriter(output, AuditExportFormat.LineWriter);
        json.WriteStartObject();
        json.WriteNumber("sequence", e.Sequence);
        json.WriteString("occurredAtUtc", e.OccurredAtUtc.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        json.WriteString("actorId", e.ActorId);
        json.WriteString("actorRole", e.ActorRole);
        json.WriteString("tenderId", e.TenderId?.ToString("D"));
        json.WriteString("action", e.Action);
        json.WriteString("subject", e.Subject);
        json.WriteString("payloadWithheld", reason);
        json.WriteString("previousHash", e.PreviousHash);
        json.WriteString("hash", e.Hash);
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    public static void WriteFull(IBufferWriter<byte> output, AuditEvent e)
    {
        using var json = new Utf8JsonWriter(output, AuditExportFormat.LineWriter);
        json.WriteStartObject();
        json.WriteNumber("sequence", e.Sequence);
        json.WriteString("occurredAtUtc", e.OccurredAtUtc.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        json.WriteString("actorId", e.ActorId);
        json.WriteString("actorRole", e.ActorRole);
        if (e.TenderId is { } id)
        {
            json.WriteString("tenderId", id.ToString("D"));
        }
        else
        {
            json.WriteNull("tenderId");
        }
        json.WriteString("action", e.Action);
        json.WriteString("subject", e.Subject);
        json.WriteString("payload", e.PayloadJson);
        json.WriteString("previousHash", e.PreviousHash);
        json.WriteString("hash", e.Hash);
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    public static void WriteStub(IBufferWriter<byte> output, long sequence, string previousHash, string hash)
    {
        using var json = new Utf8JsonWriter(output, AuditExportFormat.LineWriter);
        json.WriteStartObject();
        json.WriteNumber("sequence", sequence);
        json.WriteString("previousHash", previousHash);
        json.WriteString("hash", hash);
        json.WriteBoolean("withheld", true);
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    /// <summary>Parses one line; null and the reason when it is not an event line of this format.</summary>
    public static ExportEventLine? TryParse(ReadOnlySpan<byte> line, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return null;
            }
            var sequence = root.GetProperty("sequence").GetInt64();
            var previousHash = root.GetProperty("previousHash").GetString() ?? throw new FormatException("previousHash is null");
            var hash = root.GetProperty("hash").GetString() ?? throw new FormatException("hash is null");
            if (root.TryGetProperty("withheld", out var withheld) && withheld.ValueKind == JsonValueKind.True)
            {
                return new ExportEventLine(sequence, previousHash, hash, null);
            }
            var tenderId = root.GetProperty("tenderId");
            Guid? tender = tenderId.ValueKind == JsonValueKind.Null ? null : Guid.ParseExact(tenderId.GetString()!, "D");
            if (root.TryGetProperty("payloadWithheld", out var reason))
            {
                return new ExportEventLine(sequence, previousHash, hash, null,
                    new RedactedEvent(tender, Text(root, "action"), Text(root, "subject"), reason.GetString() ?? ""));
            }
            var occurred = DateTime.ParseExact(Text(root, "occurredAtUtc"), TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var e = new AuditEvent
            {
                Sequence = sequence,
                OccurredAtUtc = occurred,
                ActorId = Text(root, "actorId"),
                ActorRole = Text(root, "actorRole"),
                TenderId = tender,
                Action = Text(root, "action"),
                Subject = Text(root, "subject"),
                PayloadJson = Text(root, "payload"),
                PreviousHash = previousHash,
                Hash = hash,
            };
            return new ExportEventLine(sequence, previousHash, hash, e);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            problem = ex.Message;
            return null;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
}

/// <summary>What a line with a withheld payload still shows.</summary>
public sealed record RedactedEvent(Guid? TenderId, string Action, string Subject, string Reason);
