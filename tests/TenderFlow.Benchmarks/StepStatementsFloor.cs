using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TenderFlow.Benchmarks;

/// <summary>
/// What a step's SQL costs with nothing around it: the statements a step of the benchmark's workload runs (load the
/// tender with its deadlines and themes, read the audit head, find its waiting deadline jobs, update the tender and a
/// deadline, insert one or two audit events, plan new deadline jobs and cancel old ones, as many per step as the
/// workload averages), prepared once, on one open connection, BEGIN … COMMIT: the floor no EF Core code can go under,
/// because a step dirties many more pages (tender, deadline, audit table and index, deadline jobs and their indexes)
/// than the raw loop's single row. The rows it writes do not chain, so the engine section runs it on its throw-away
/// database only after checking the chain the real steps wrote.
/// </summary>
public sealed class StepStatementsFloor : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _tender;
    private readonly SqliteCommand _deadline;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _jobs;
    private readonly SqliteCommand _planJob;
    private readonly SqliteCommand _cancelJob;
    private readonly List<(string Id, string? DeadlineKey)> _tenders = [];
    private readonly Dictionary<string, List<string>> _waiting = [];
    private long _due;

    public StepStatementsFloor(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var list = _connection.CreateCommand())
        {
            list.CommandText = """SELECT t."Id", (SELECT d."Key" FROM "TenderDeadlines" d WHERE d."TenderId" = t."Id" LIMIT 1) FROM "Tenders" t""";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                _tenders.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }
        _load = Prepare("""
            SELECT t.*, d.*, th.* FROM "Tenders" t
            LEFT JOIN "TenderDeadlines" d ON d."TenderId" = t."Id" LEFT JOIN "DialogueThemes" th ON th."TenderId" = t."Id"
            WHERE t."Id" = $id
            """, "$id");
        _head = Prepare("""SELECT "Sequence", "Hash" FROM "AuditEvents" ORDER BY "Sequence" DESC LIMIT 1""");
        _tender = Prepare("""UPDATE "Tenders" SET "Phase" = $phase, "PhaseEnteredAtUtc" = $at, "Revision" = "Revision" + 1 WHERE "Id" = $id""",
            "$phase", "$at", "$id");
        _deadline = Prepare("""UPDATE "TenderDeadlines" SET "DueAtUtc" = $at WHERE "TenderId" = $id AND "Key" = $key""", "$at", "$id", "$key");
        _insert = Prepare("""
            INSERT INTO "AuditEvents" ("Sequence", "Action", "ActorId", "ActorRole", "Hash", "OccurredAtUtc", "PayloadJson", "PreviousHash", "Subject", "TenderId")
            VALUES ($seq, 'tender.trigger.fired', 'user:bench-procurement', 'Procurement', $hash, $at, $payload, $prev, $subject, $id)
            """, "$seq", "$hash", "$at", "$payload", "$prev", "$subject", "$id");
        _jobs = Prepare("""
            SELECT j.* FROM "DeadlineJobs" j WHERE j."TenderId" = $id AND j."State" = 'Scheduled'
            UNION ALL
            SELECT j.* FROM "DeadlineJobs" j WHERE j."TenderId" = $id AND j."DeadlineDueAtUtc" IN ($due1, $due2) AND j."State" <> 'Scheduled'
            """, "$id", "$due1", "$due2");
        _planJob = Prepare("""
            INSERT INTO "DeadlineJobs" ("Id", "CompletedAtUtc", "CreatedAtUtc", "DeadlineDueAtUtc", "DeadlineKey", "HangfireJobId", "Kind", "LatenessMilliseconds", "Offset", "Outcome", "RunAtUtc", "State", "TenderId")
            VALUES ($jobId, NULL, $at, $due, 'roundClose', NULL, 'Close', NULL, '', NULL, $due, 'Scheduled', $id)
            """, "$jobId", "$at", "$due", "$id");
        _cancelJob = Prepare("""
            UPDATE "DeadlineJobs" SET "CompletedAtUtc" = $at, "Outcome" = 'cancelled: phase review', "State" = 'Cancelled' WHERE "Id" = $jobId
            """, "$at", "$jobId");
    }

    /// <summary>Runs <paramref name="steps"/> step-shaped transactions (a third with one audit event, the rest with two, as the workload) and returns the wall time.</summary>
    public TimeSpan Run(int steps)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var n = 0; n < steps; n++)
        {
            var (id, key) = _tenders[n % _tenders.Count];
            var at = new DateTime(2026, 1, 5).AddMinutes(n).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            using var transaction = _connection.BeginTransaction();
            foreach (var command in Commands)
            {
                command.Transaction = transaction;
            }
            _load.Parameters[0].Value = id;
            using (var reader = _load.ExecuteReader())
            {
                while (reader.Read())
                {
                }
            }
            long sequence;
            string previous;
            using (var reader = _head.ExecuteReader())
            {
                reader.Read();
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
            // The workload averages 1.66 new deadline jobs and 1.68 cancelled ones per step: two of each, five steps in six.
            var waiting = _waiting.TryGetValue(id, out var list) ? list : _waiting[id] = [];
            _jobs.Parameters[0].Value = id;
            _jobs.Parameters[1].Value = Moment(_due + 1);
            _jobs.Parameters[2].Value = Moment(_due + 2);
            using (var reader = _jobs.ExecuteReader())
            {
                while (reader.Read())
                {
                }
            }
            if (n % 6 != 5)
            {
                foreach (var job in waiting)
                {
                    Execute(_cancelJob, at, job);
                }
                waiting.Clear();
                for (var j = 0; j < 2; j++)
                {
                    var job = Guid.CreateVersion7().ToString().ToUpperInvariant();
                    Execute(_planJob, job, at, Moment(++_due), id);
                    waiting.Add(job);
                }
            }
            Execute(_tender, "admission", at, id);
            if (n % 3 != 2 && key is not null)
            {
                Execute(_deadline, at, id, key);
            }
            for (var e = 0; e < (n % 3 == 2 ? 1 : 2); e++)
            {
                sequence++;
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(sequence)));
                Execute(_insert, sequence, hash, at, Payload(n), previous, $"tender/{id.ToLowerInvariant()}", id);
                previous = hash;
            }
            transaction.Commit();
        }
        return stopwatch.Elapsed;
    }

    private SqliteCommand[] Commands => [_load, _head, _tender, _deadline, _insert, _jobs, _planJob, _cancelJob];

    private static string Moment(long minutes) =>
        new DateTime(2030, 1, 1).AddMinutes(minutes).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string Payload(int n) =>
        $$"""{"trigger":"closeAdmissionRound","from":"admission","to":"review","reason":null,"guards":[{"guard":"deadlinePassed(roundClose)","met":true,"en":"The deadline roundClose ({{n}}) has passed."}]}""";

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        return command;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in Commands)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
