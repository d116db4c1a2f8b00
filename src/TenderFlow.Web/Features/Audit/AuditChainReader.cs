using System.Diagnostics;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Verifies the whole chain straight from the database file, streaming rows in sequence order
/// (a million events never sit in memory at once). Used by the API, the CLI and the benchmark.
/// </summary>
/// <remarks>
/// Rows are read with SQLite's own statement API so that text stays the UTF-8 bytes SQLite holds: the canonical form
/// is built from those bytes, with no strings decoded and re-encoded per event. A row whose values are not in the
/// shape EF Core writes (another storage type, NULL, invalid UTF-8, an unusual date or id text) is read again through
/// <see cref="SqliteDataReader"/> exactly as before and verified as an <see cref="AuditEvent"/>, so the outcome,
/// including the first broken event and any read error, is the same as reading every row that way.
/// </remarks>
public static class AuditChainReader
{
    private const string Columns = """
        "Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash"
        """;

    public static AuditVerification Verify(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var verifier = new AuditChainVerifier();
        using var rows = new RowStatement(connection, $"""SELECT {Columns} FROM "AuditEvents" ORDER BY "Sequence" """);
        var canonical = new byte[4096];
        while (rows.Step())
        {
            var sequence = raw.sqlite3_column_int64(rows.Handle, 0);
            var accepted = TryCanonical(rows.Handle, sequence, ref canonical, out var length)
                ? verifier.AcceptUtf8(sequence, canonical.AsSpan(0, length), raw.sqlite3_column_blob(rows.Handle, 8), raw.sqlite3_column_blob(rows.Handle, 9))
                : verifier.Accept(ReadEvent(connection, sequence));
            if (!accepted)
            {
                break;
            }
        }
        return verifier.Result();
    }

    /// <summary>
    /// Builds the row's canonical bytes from its UTF-8 values when every value has the shape EF Core stores (text in
    /// well-formed UTF-8 without NUL, "yyyy-MM-dd HH:mm:ss[.fffffff]", an id in "D" form or NULL); false sends the row
    /// the slow way. Values are taken with <c>sqlite3_column_blob</c>, whose bytes for any non-NULL value are the bytes
    /// <see cref="SqliteDataReader.GetString"/> decodes; the storage type is only asked when a value is empty (NULL or '').
    /// </summary>
    private static bool TryCanonical(sqlite3_stmt row, long sequence, ref byte[] canonical, out int length)
    {
        length = 0;
        // A number's text never looks like a timestamp, so a match means TEXT (or a BLOB holding it), which GetDateTime parses.
        if (!TryParseTimestamp(raw.sqlite3_column_blob(row, 1), out var occurredAtUtc))
        {
            return false;
        }
        Guid? tenderId = null;
        var tenderIdText = raw.sqlite3_column_blob(row, 4);
        if (tenderIdText.IsEmpty)
        {
            if (raw.sqlite3_column_type(row, 4) != raw.SQLITE_NULL)
            {
                return false;
            }
        }
        else if (TryParseGuid(tenderIdText, out var id))
        {
            tenderId = id;
        }
        else
        {
            return false;
        }
        if (!TryText(row, 2, out var actorId) || !TryText(row, 3, out var actorRole) || !TryText(row, 5, out var action)
            || !TryText(row, 6, out var subject) || !TryText(row, 7, out var payload) || !TryText(row, 8, out var previousHash)
            || !TryText(row, 9, out _))
        {
            return false;
        }
        var max = AuditCanonicalForm.GetMaxByteCount(actorId.Length + actorRole.Length + action.Length + subject.Length + payload.Length + previousHash.Length);
        if (canonical.Length < max)
        {
            canonical = new byte[Math.Max(max, canonical.Length * 2)];
        }
        length = AuditCanonicalForm.Write(canonical, sequence, occurredAtUtc, actorId, actorRole, tenderId, action, subject, payload, previousHash);
        return true;
    }

    /// <summary>Not NULL, well-formed UTF-8 and no NUL: then the bytes are exactly the UTF-8 of the string the data reader returns.</summary>
    private static bool TryText(sqlite3_stmt row, int column, out ReadOnlySpan<byte> value)
    {
        value = raw.sqlite3_column_blob(row, column);
        if (value.IsEmpty)
        {
            return raw.sqlite3_column_type(row, column) != raw.SQLITE_NULL;
        }
        return Utf8.IsValid(value) && !value.Contains((byte)0);
    }

    /// <summary>
    /// "yyyy-MM-dd HH:mm:ss" with an optional fraction of 1–7 digits, every part in range: the form EF Core writes,
    /// which <see cref="SqliteDataReader.GetDateTime"/> parses to exactly this value. Anything else goes the slow way.
    /// </summary>
    private static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text.Length == 20 || text.Length > 27
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || (text.Length > 19 && text[19] != '.'))
        {
            return false;
        }
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }
        var fraction = 0;
        if (text.Length > 19)
        {
            if (!TryDigits(text[20..], out fraction))
            {
                return false;
            }
            for (var i = text.Length - 20; i < 7; i++)
            {
                fraction *= 10;
            }
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>An id in "D" form (36 characters, either case): what EF Core stores, parsed as the data reader would.</summary>
    private static bool TryParseGuid(ReadOnlySpan<byte> text, out Guid value)
    {
        value = default;
        if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        {
            return false;
        }
        Span<char> chars = stackalloc char[36];
        for (var i = 0; i < 36; i++)
        {
            chars[i] = (char)text[i];
        }
        return Guid.TryParseExact(chars, "D", out value);
    }

    /// <summary>One row the way it was always read: through the data reader, with its conversions and its exceptions.</summary>
    private static AuditEvent ReadEvent(SqliteConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT {Columns} FROM "AuditEvents" WHERE "Sequence" = $sequence""";
        command.Parameters.AddWithValue("$sequence", sequence);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Audit event {sequence} disappeared while the chain was being verified.");
        }
        return new AuditEvent
        {
            Sequence = reader.GetInt64(0),
            OccurredAtUtc = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
            ActorId = reader.GetString(2),
            ActorRole = reader.GetString(3),
            TenderId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
            Action = reader.GetString(5),
            Subject = reader.GetString(6),
            PayloadJson = reader.GetString(7),
            PreviousHash = reader.GetString(8),
            Hash = reader.GetString(9),
        };
    }

    /// <summary>
    /// A prepared statement on the connection's own handle, stepped the way <see cref="SqliteCommand"/> steps it:
    /// the first step waits out a busy database up to the connection's default timeout, errors become <see cref="SqliteException"/>.
    /// </summary>
    private sealed class RowStatement : IDisposable
    {
        private readonly SqliteConnection _connection;
        private bool _started;

        public RowStatement(SqliteConnection connection, string sql)
        {
            _connection = connection;
            var rc = raw.sqlite3_prepare_v2(connection.Handle!, sql, out var statement);
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            Handle = statement;
        }

        public sqlite3_stmt Handle { get; }

        public bool Step()
        {
            var rc = raw.sqlite3_step(Handle);
            if (!_started)
            {
                _started = true;
                var timer = Stopwatch.StartNew();
                while ((rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_LOCKED_SHAREDCACHE)
                    && (_connection.DefaultTimeout == 0 || timer.ElapsedMilliseconds < _connection.DefaultTimeout * 1000L))
                {
                    raw.sqlite3_reset(Handle);
                    Thread.Sleep(150);
                    rc = raw.sqlite3_step(Handle);
                }
            }
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }
            if (rc == raw.SQLITE_DONE)
            {
                return false;
            }
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            return false;
        }

        public void Dispose() => Handle.Dispose();
    }
}
