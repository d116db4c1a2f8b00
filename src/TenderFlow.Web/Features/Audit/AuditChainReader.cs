using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
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
/// <para>
/// Two threads share the work: one steps through the rows and copies each row's values, still the UTF-8 bytes SQLite
/// holds, into a batch; the calling thread builds each event's canonical bytes from a batch, hashes them and walks the
/// chain in sequence order. No strings are decoded and re-encoded per event, and at most a few batches exist at once.
/// </para>
/// <para>
/// A row whose values are not in the shape EF Core writes (NULL, invalid UTF-8, an unusual date or id text) is read
/// again through <see cref="SqliteDataReader"/> exactly as before and verified as an <see cref="AuditEvent"/>; an
/// error while reading surfaces when the walk reaches that row. So the outcome, the first broken event included, is
/// the same as reading every row through the data reader one after another.
/// </para>
/// <para>
/// Values are taken straight from e_sqlite3 (<see cref="Native"/>) when that is the library SQLitePCL loaded:
/// through SQLitePCL every column costs two calls that each take a SafeHandle reference, which made reading
/// rows slower than hashing them. Otherwise the SQLitePCL calls are used.
/// </para>
/// </remarks>
public static class AuditChainReader
{
    private const string Columns = """
        "Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash"
        """;

    /// <summary>Result columns holding text, in the order they are copied into a batch.</summary>
    private static readonly int[] TextColumns = [2, 3, 5, 6, 7, 8, 9];

    private const int BatchCount = 4;

    public static AuditVerification Verify(string connectionString) => Verify(connectionString, new AuditChainVerifier());

    /// <summary>Verifies the chain and keeps the hash of event <paramref name="sequence"/> as the walk passes it (null when it never does).</summary>
    public static (AuditVerification Chain, string? Hash) VerifyKeepingHashOf(string connectionString, long sequence)
    {
        var verifier = new AuditChainVerifier { Watch = sequence };
        return (Verify(connectionString, verifier), verifier.WatchedHash);
    }

    private static AuditVerification Verify(string connectionString, AuditChainVerifier verifier)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var rows = new RowStatement(connection, $"""SELECT {Columns} FROM "AuditEvents" ORDER BY "Sequence" """);
        var free = new BlockingCollection<Batch>();
        var full = new BlockingCollection<Batch>();
        for (var i = 0; i < BatchCount; i++)
        {
            free.Add(new Batch());
        }
        using var stop = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() => Produce(connection, rows, free, full, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var canonical = new byte[4096];
            while (true)
            {
                var batch = full.Take();
                var intact = Walk(batch, verifier, ref canonical);
                var (failure, end) = (batch.Failure, batch.End);
                free.Add(batch);
                if (!intact)
                {
                    break;
                }
                failure?.Throw();
                if (end)
                {
                    break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
        return verifier.Result();
    }

    /// <summary>Feeds a batch's rows to the verifier; false once the chain is broken.</summary>
    private static bool Walk(Batch batch, AuditChainVerifier verifier, ref byte[] canonical)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Unreadable[i] is { } problem)
            {
                return verifier.Reject(batch.Sequence[i], problem);
            }
            if (batch.Slow[i] is { } e)
            {
                batch.Slow[i] = null;
                if (!verifier.Accept(e))
                {
                    return false;
                }
                continue;
            }
            var bytes = batch.Bytes.AsSpan();
            var at = i * Batch.Stride;
            var actorId = bytes[batch.Offsets[at]..batch.Offsets[at + 1]];
            var actorRole = bytes[batch.Offsets[at + 1]..batch.Offsets[at + 2]];
            var action = bytes[batch.Offsets[at + 2]..batch.Offsets[at + 3]];
            var subject = bytes[batch.Offsets[at + 3]..batch.Offsets[at + 4]];
            var payload = bytes[batch.Offsets[at + 4]..batch.Offsets[at + 5]];
            var previousHash = bytes[batch.Offsets[at + 5]..batch.Offsets[at + 6]];
            var hash = bytes[batch.Offsets[at + 6]..batch.Offsets[at + 7]];
            var max = AuditCanonicalForm.GetMaxByteCount(batch.Offsets[at + 6] - batch.Offsets[at]);
            if (canonical.Length < max)
            {
                canonical = new byte[Math.Max(max, canonical.Length * 2)];
            }
            var length = AuditCanonicalForm.Write(canonical, batch.Sequence[i], batch.OccurredAtUtc[i], actorId, actorRole, batch.TenderId[i],
                action, subject, payload, previousHash);
            if (!verifier.AcceptUtf8(batch.Sequence[i], canonical.AsSpan(0, length), previousHash, hash))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Steps through the rows, filling batches. Always ends with a batch marked <see cref="Batch.End"/> (carrying the
    /// error, if reading failed), unless the walk stopped first.
    /// </summary>
    private static void Produce(SqliteConnection connection, RowStatement rows, BlockingCollection<Batch> free, BlockingCollection<Batch> full, CancellationToken stop)
    {
        Batch? batch = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            batch = free.Take(stop);
            batch.Clear();
            var native = Native.Usable ? rows.Handle.DangerousGetHandle() : IntPtr.Zero;
            // Holding the connection's (recursive) mutex for the whole walk turns the lock every SQLite call takes into
            // a re-entry by its owner: no other thread uses this connection meanwhile, so nobody waits for it.
            var mutex = native != IntPtr.Zero ? Native.sqlite3_db_mutex(connection.Handle!.DangerousGetHandle()) : IntPtr.Zero;
            Native.Enter(mutex);
            try
            {
                while (rows.Step())
                {
                    if (!batch.TryAdd(rows.Handle, native, connection))
                    {
                        full.Add(batch, stop);
                        batch = free.Take(stop);
                        batch.Clear();
                        batch.TryAdd(rows.Handle, native, connection);
                    }
                    stop.ThrowIfCancellationRequested();
                }
            }
            finally
            {
                Native.Leave(mutex);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;   // The walk ended before the rows did; nobody waits for more.
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        batch ??= new Batch();
        batch.Failure = failure;
        batch.End = true;
        full.Add(batch);
    }

    /// <summary>A run of rows as the walk needs them: values copied out of SQLite, or the event read the slow way.</summary>
    private sealed class Batch
    {
        public const int Capacity = 1024;
        public const int Stride = 8;   // start of each of the seven text values, then the end of the last

        public byte[] Bytes = new byte[512 * 1024];
        public readonly long[] Sequence = new long[Capacity];
        public readonly DateTime[] OccurredAtUtc = new DateTime[Capacity];
        public readonly Guid?[] TenderId = new Guid?[Capacity];
        public readonly int[] Offsets = new int[Capacity * Stride];
        public readonly AuditEvent?[] Slow = new AuditEvent?[Capacity];
        public readonly Domain.Workflow.Definitions.LocalizedText?[] Unreadable = new Domain.Workflow.Definitions.LocalizedText?[Capacity];
        public int Count;
        public int Used;
        public ExceptionDispatchInfo? Failure;
        public bool End;

        public void Clear()
        {
            Count = 0;
            Used = 0;
            Failure = null;
            End = false;
        }

        /// <summary>Adds the current row; false (nothing added) when the batch is full. A row that does not fit an empty batch grows it.</summary>
        public bool TryAdd(sqlite3_stmt row, IntPtr native, SqliteConnection connection)
        {
            if (Count == Capacity)
            {
                return false;
            }
            var i = Count;
            var sequence = native != IntPtr.Zero ? Native.sqlite3_column_int64(native, 0) : raw.sqlite3_column_int64(row, 0);
            Sequence[i] = sequence;
            Slow[i] = null;
            Unreadable[i] = null;
            Offsets[i * Stride] = Used;
            switch (TryCopy(row, native, i))
            {
                case Copy.Done:
                    Count++;
                    return true;
                case Copy.TooLarge when Count > 0:
                    Used = Offsets[i * Stride];
                    return false;
                case Copy.TooLarge:
                    Array.Resize(ref Bytes, Math.Max(Bytes.Length * 2, 2 * RowLength(row)));
                    Used = Offsets[i * Stride];
                    return TryAdd(row, native, connection);
                default:
                    Used = Offsets[i * Stride];
                    try
                    {
                        Slow[i] = ReadEvent(connection, sequence);
                    }
                    catch (UnreadableEventException e)
                    {
                        Unreadable[i] = e.Problem;
                    }
                    Count++;
                    return true;
            }
        }

        /// <summary>
        /// Copies the row's values when every one has the shape EF Core stores: text in well-formed UTF-8 without NUL,
        /// "yyyy-MM-dd HH:mm:ss[.fffffff]", an id in "D" form or NULL. The bytes SQLite hands out for any non-NULL value
        /// are the bytes <see cref="SqliteDataReader.GetString"/> decodes; the storage type is only asked when a value
        /// is empty (NULL or '').
        /// </summary>
        private Copy TryCopy(sqlite3_stmt row, IntPtr native, int i)
        {
            var at = i * Stride;
            // Timestamp and id are parsed where they land; the text values after them overwrite them.
            // A number's text never looks like a timestamp, so a match means TEXT (or a BLOB holding it), which GetDateTime parses.
            var length = CopyValue(row, native, 1);
            if (length < 0 || !TryParseTimestamp(Bytes.AsSpan(Used, length), out OccurredAtUtc[i]))
            {
                return length == TooLarge ? Copy.TooLarge : Copy.Slow;
            }
            length = CopyValue(row, native, 4);
            if (length == Null)
            {
                TenderId[i] = null;
            }
            else if (length > 0 && TryParseGuid(Bytes.AsSpan(Used, length), out var id))
            {
                TenderId[i] = id;
            }
            else
            {
                return length == TooLarge ? Copy.TooLarge : Copy.Slow;
            }
            for (var k = 0; k < TextColumns.Length; k++)
            {
                length = CopyValue(row, native, TextColumns[k]);
                if (length < 0)
                {
                    return length == TooLarge ? Copy.TooLarge : Copy.Slow;
                }
                Used += length;
                Offsets[at + k + 1] = Used;
            }
            return IsPlainText(at) ? Copy.Done : Copy.Slow;
        }

        /// <summary>
        /// Whether each of the row's seven text values is well-formed UTF-8 without NUL, checked over the row at once:
        /// well-formed as a whole with every value starting on a character boundary (not on a continuation byte)
        /// means every value is well-formed on its own.
        /// </summary>
        private bool IsPlainText(int at)
        {
            var text = Bytes.AsSpan(Offsets[at], Offsets[at + 7] - Offsets[at]);
            if (text.Contains((byte)0))
            {
                return false;
            }
            if (Ascii.IsValid(text))
            {
                return true;
            }
            if (!Utf8.IsValid(text))
            {
                return false;
            }
            for (var k = 1; k < 7; k++)
            {
                if (Offsets[at + k] < Offsets[at + 7] && (Bytes[Offsets[at + k]] & 0xC0) == 0x80)
                {
                    return false;
                }
            }
            return true;
        }

        private const int Null = -1;
        private const int TooLarge = -2;

        /// <summary>Copies a column's bytes to <see cref="Used"/> (without moving it); their length, <see cref="Null"/> or <see cref="TooLarge"/>.</summary>
        private int CopyValue(sqlite3_stmt row, IntPtr native, int column)
        {
            if (native != IntPtr.Zero)
            {
                var value = Native.sqlite3_column_value(native, column);
                var bytes = Native.sqlite3_value_blob(value);
                var length = Native.sqlite3_value_bytes(value);
                if (length == 0)
                {
                    return Native.sqlite3_value_type(value) == raw.SQLITE_NULL ? Null : 0;
                }
                if (length > Bytes.Length - Used)
                {
                    return TooLarge;
                }
                Marshal.Copy(bytes, Bytes, Used, length);
                return length;
            }
            var span = raw.sqlite3_column_blob(row, column);
            if (span.IsEmpty)
            {
                return raw.sqlite3_column_type(row, column) == raw.SQLITE_NULL ? Null : 0;
            }
            if (span.Length > Bytes.Length - Used)
            {
                return TooLarge;
            }
            span.CopyTo(Bytes.AsSpan(Used));
            return span.Length;
        }

        private static int RowLength(sqlite3_stmt row)
        {
            var length = 0;
            for (var column = 1; column < 10; column++)
            {
                length += raw.sqlite3_column_bytes(row, column);
            }
            return length;
        }

        private enum Copy
        {
            Done,
            Slow,
            TooLarge,
        }
    }

    /// <summary>
    /// Direct calls into e_sqlite3 for reading a row's values. Usable only when SQLitePCL runs on e_sqlite3 and this
    /// assembly resolves the same loaded module, so connection and statement pointers mean the same thing on both sides.
    /// The column calls are short and never block: while the chain is verified the connection is used by the reading
    /// thread alone, which also holds its mutex throughout, so they are made without a GC transition.
    /// sqlite3_value_* on the unprotected values of sqlite3_column_value are documented as not thread-safe, which is
    /// fine for the same reason.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        public static readonly bool Usable = IsSameLibrary();

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_value(IntPtr statement, int column);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern IntPtr sqlite3_value_blob(IntPtr value);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_value_bytes(IntPtr value);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_value_type(IntPtr value);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr sqlite3_db_mutex(IntPtr connection);

        [DllImport(Library, ExactSpelling = true)]
        private static extern void sqlite3_mutex_enter(IntPtr mutex);

        [DllImport(Library, ExactSpelling = true)]
        private static extern void sqlite3_mutex_leave(IntPtr mutex);

        public static void Enter(IntPtr mutex)
        {
            if (mutex != IntPtr.Zero)
            {
                sqlite3_mutex_enter(mutex);
            }
        }

        public static void Leave(IntPtr mutex)
        {
            if (mutex != IntPtr.Zero)
            {
                sqlite3_mutex_leave(mutex);
            }
        }

        private static bool IsSameLibrary()
        {
            try
            {
                var provider = Type.GetType("SQLitePCL.SQLite3Provider_e_sqlite3, SQLitePCLRaw.provider.e_sqlite3");
                return raw.GetNativeLibraryName() == Library
                    && provider is not null
                    && NativeLibrary.TryLoad(Library, typeof(Native).Assembly, null, out var ours)
                    && NativeLibrary.TryLoad(Library, provider.Assembly, null, out var theirs)
                    && ours == theirs;
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or InvalidOperationException or TypeLoadException or FileLoadException)
            {
                return false;
            }
        }
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

    /// <summary>An id in "D" form (36 characters, hex digits in either case): what EF Core stores, giving the Guid the data reader parses.</summary>
    private static bool TryParseGuid(ReadOnlySpan<byte> text, out Guid value)
    {
        value = default;
        if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        var t = 0;
        for (var b = 0; b < 16; b++)
        {
            if (t is 8 or 13 or 18 or 23)
            {
                t++;
            }
            var high = HexValue(text[t++]);
            var low = HexValue(text[t++]);
            if ((high | low) < 0)
            {
                return false;
            }
            bytes[b] = (byte)(high << 4 | low);
        }
        // The "D" text is the sixteen bytes in big-endian order.
        value = new Guid(bytes, bigEndian: true);
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

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
            OccurredAtUtc = Column(reader, 1, r => DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
            ActorId = Column(reader, 2, r => r.GetString(2)),
            ActorRole = Column(reader, 3, r => r.GetString(3)),
            TenderId = Column(reader, 4, r => r.IsDBNull(4) ? (Guid?)null : r.GetGuid(4)),
            Action = Column(reader, 5, r => r.GetString(5)),
            Subject = Column(reader, 6, r => r.GetString(6)),
            PayloadJson = Column(reader, 7, r => r.GetString(7)),
            PreviousHash = Column(reader, 8, r => r.GetString(8)),
            Hash = Column(reader, 9, r => r.GetString(9)),
        };
    }

    /// <summary>A value EF Core never writes (an id that is no GUID, a time that is no time) was put there behind the app's back.</summary>
    private static T Column<T>(SqliteDataReader reader, int ordinal, Func<SqliteDataReader, T> read)
    {
        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
        {
            throw new UnreadableEventException(new(
                $"{reader.GetName(ordinal)} kan niet worden gelezen ({e.Message}): de gebeurtenis is na het wegschrijven veranderd",
                $"{reader.GetName(ordinal)} cannot be read ({e.Message}): the event was changed after it was written"));
        }
    }

    private sealed class UnreadableEventException(Domain.Workflow.Definitions.LocalizedText problem) : Exception(problem.En)
    {
        public Domain.Workflow.Definitions.LocalizedText Problem { get; } = problem;
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
