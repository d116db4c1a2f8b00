using Microsoft.Data.Sqlite;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Verifies the whole chain straight from the database file, streaming rows in sequence order
/// (a million events never sit in memory at once). Used by the API, the CLI and the benchmark.
/// </summary>
public static class AuditChainReader
{
    public static AuditVerification Verify(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Sequence", "OccurredAtUtc", "ActorId", "ActorRole", "TenderId", "Action", "Subject", "PayloadJson", "PreviousHash", "Hash"
            FROM "AuditEvents" ORDER BY "Sequence"
            """;
        using var reader = command.ExecuteReader();
        var verifier = new AuditChainVerifier();
        while (reader.Read())
        {
            var e = new AuditEvent
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
            if (!verifier.Accept(e))
            {
                break;
            }
        }
        return verifier.Result();
    }
}
