using Microsoft.Data.Sqlite;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Tests.Audit;

/// <summary>What someone who can write the database file can do without breaking the chain's own links.</summary>
public static class ChainForgery
{
    /// <summary>Drops the triggers and deletes the last <paramref name="count"/> events.</summary>
    public static void CutTail(string connectionString, int count) => _ = Execute(connectionString,
        $"""DROP TRIGGER "AuditEvents_NoDelete"; DELETE FROM "AuditEvents" WHERE "Sequence" > (SELECT MAX("Sequence") FROM "AuditEvents") - {count};""");

    /// <summary>Gives event <paramref name="sequence"/> another actor and leaves its hash: the chain is broken there.</summary>
    public static void ChangeActor(string connectionString, long sequence) => _ = SetValue(connectionString, sequence, "ActorId", "someone-else");

    /// <summary>Drops the update trigger and stores <paramref name="text"/> in one column of event <paramref name="sequence"/>, hash untouched; returns the rows changed.</summary>
    public static int SetValue(string connectionString, long sequence, string column, string text) => Execute(connectionString,
        $"""DROP TRIGGER "AuditEvents_NoUpdate"; UPDATE "AuditEvents" SET "{column}" = '{text.Replace("'", "''")}' WHERE "Sequence" = {sequence};""");

    /// <summary>Gives event <paramref name="sequence"/> another actor and recomputes its hash and every hash after it.</summary>
    public static void RewriteFrom(string connectionString, long sequence, string actorId)
    {
        _ = Execute(connectionString, """DROP TRIGGER "AuditEvents_NoUpdate";""");
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var events = Read(connection);
        using var transaction = connection.BeginTransaction();
        var previous = events.Single(e => e.Sequence == sequence - 1).Hash;
        foreach (var e in events.Where(e => e.Sequence >= sequence))
        {
            var forged = new AuditEvent
            {
                Sequence = e.Sequence, OccurredAtUtc = e.OccurredAtUtc, ActorId = e.Sequence == sequence ? actorId : e.ActorId, ActorRole = e.ActorRole,
                TenderId = e.TenderId, Action = e.Action, Subject = e.Subject, PayloadJson = e.PayloadJson, PreviousHash = previous, Hash = "",
            };
            previous = AuditCanonicalForm.ComputeHash(forged);
            using var update = connection.CreateCommand();
            update.CommandText = """UPDATE "AuditEvents" SET "ActorId" = $actor, "PreviousHash" = $previous, "Hash" = $hash WHERE "Sequence" = $sequence""";
            update.Parameters.AddWithValue("$actor", forged.ActorId);
            update.Parameters.AddWithValue("$previous", forged.PreviousHash);
            update.Parameters.AddWithValue("$hash", previous);
            update.Parameters.AddWithValue("$sequence", e.Sequence);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The chain's length and head hash now, as "SEQUENCE:HASH".</summary>
    public static string Head(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var last = Read(connection)[^1];
        return $"{last.Sequence}:{last.Hash}";
    }

    private static List<AuditEvent> Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash"
            FROM "AuditEvents" ORDER BY "Sequence"
            """;
        using var reader = command.ExecuteReader();
        var events = new List<AuditEvent>();
        while (reader.Read())
        {
            events.Add(new AuditEvent
            {
                Sequence = reader.GetInt64(0),
                OccurredAtUtc = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                ActorId = reader.GetString(2), ActorRole = reader.GetString(3), TenderId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                Action = reader.GetString(5), Subject = reader.GetString(6), PayloadJson = reader.GetString(7), PreviousHash = reader.GetString(8), Hash = reader.GetString(9),
            });
        }
        return events;
    }

    /// <summary>Runs <paramref name="sql"/> and returns the number of rows it changed.</summary>
    private static int Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
