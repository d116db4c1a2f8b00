using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Benchmarks;

public sealed record BuiltChain(string ConnectionString, string DatabaseFile, long Count, string HeadHash, long PayloadBytes, int MinPayload, int MaxPayload, TimeSpan Elapsed);

/// <summary>
/// Writes a long chain into the real, migrated AuditEvents table of a fresh TenderFlow database. Hashes are computed
/// with <see cref="AuditCanonicalForm.ComputeHash(long, DateTime, string, string, Guid?, string, string, string, string)"/>
/// exactly as <see cref="Web.Features.Audit.AuditTrail"/> does; values are bound with the same CLR types EF Core
/// binds (DateTime, Guid), so they are stored in the same text forms. Rows go in with one prepared INSERT in large
/// transactions, the secondary index rebuilt afterwards from its stored definition; only this loading connection
/// runs with synchronous=OFF (verification opens its own, with the app's settings).
/// </summary>
public static class AuditChainBuilder
{
    private const int RowsPerTransaction = 50_000;

    /// <summary>Writes the chain to a fresh database in <paramref name="directory"/> and each event's canonical bytes to <paramref name="canonicalFile"/>.</summary>
    public static async Task<BuiltChain> BuildAsync(string directory, int count, string canonicalFile)
    {
        var stopwatch = Stopwatch.StartNew();
        string connectionString;
        string databaseFile;
        await using (var host = await TenderFlowHost.StartAsync(directory, TimeProvider.System))
        {
            connectionString = host.ConnectionString;
            databaseFile = host.DatabaseFile;
        }

        // Its own unpooled connection: synchronous=OFF must not travel back into the pool to the verifier.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous=OFF;");
        // The secondary index is built once after loading instead of row by row, from its own stored definition.
        var indexes = Strings(connection, """SELECT "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = 'AuditEvents' AND "sql" IS NOT NULL""");
        foreach (var index in Strings(connection, """SELECT "name" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = 'AuditEvents' AND "sql" IS NOT NULL"""))
        {
            Execute(connection, $"""DROP INDEX "{index}";""");
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "AuditEvents" ("Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash")
            VALUES ($sequence, $occurredAtUtc, $actorId, $actorRole, $tenderId, $action, $subject, $payloadJson, $previousHash, $hash);
            """;
        var parameters = new[] { "$sequence", "$occurredAtUtc", "$actorId", "$actorRole", "$tenderId", "$action", "$subject", "$payloadJson", "$previousHash", "$hash" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();

        var head = AuditCanonicalForm.GenesisHash;
        long payloadBytes = 0;
        var minPayload = int.MaxValue;
        var maxPayload = 0;
        SqliteTransaction? transaction = null;
        using var canonical = new BinaryWriter(new FileStream(canonicalFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20));
        foreach (var (e, previous, hash, bytes) in GeneratedChain.Links(count))
        {
            canonical.Write(bytes.Length);
            canonical.Write(bytes);
            if (transaction is null)
            {
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.Prepare();
            }
            var size = Encoding.UTF8.GetByteCount(e.PayloadJson);
            payloadBytes += size;
            minPayload = Math.Min(minPayload, size);
            maxPayload = Math.Max(maxPayload, size);

            parameters[0].Value = e.Sequence;
            parameters[1].Value = e.OccurredAtUtc;
            parameters[2].Value = e.ActorId;
            parameters[3].Value = e.ActorRole;
            parameters[4].Value = e.TenderId is { } id ? id : DBNull.Value;
            parameters[5].Value = e.Action;
            parameters[6].Value = e.Subject;
            parameters[7].Value = e.PayloadJson;
            parameters[8].Value = previous;
            parameters[9].Value = hash;
            insert.ExecuteNonQuery();
            head = hash;
            if (e.Sequence % RowsPerTransaction == 0 || e.Sequence == count)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = null;
            }
        }
        foreach (var index in indexes)
        {
            Execute(connection, index);
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new BuiltChain(connectionString, databaseFile, count, head, payloadBytes, minPayload, maxPayload, stopwatch.Elapsed);
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
