using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TenderFlow.Benchmarks;

/// <summary>
/// What a step's SQL costs with nothing around it: the statements a step of the benchmark's workload runs (load the
/// tender with its deadlines and themes, read the audit head, update the tender with its next deadline-job moment and a
/// deadline, insert one or two audit events, and one step in three read the deadline-job rows of the one planned job
/// whose moment has come), prepared once, on one open connection, BEGIN … COMMIT: the floor no EF Core code can go
/// under, because a step dirties many more pages (tender and its next-job index, deadline, audit table and index) than
/// the raw loop's single row. A step writes no deadline-job rows: jobs that have not run are not stored, only the
/// tender's NextDeadlineJobAtUtc moves; it reads rows only when its plan holds a job whose moment has come, to see whether
/// it ran (<c>DeadlineSchedule.WaitingAsync</c>). Its DeadlineWakeUpAtUtc is set only when that moment is within the wake
/// horizon, which the workload's moments, weeks ahead, never are. The rows it writes do not chain, so the engine section
/// runs it on its throw-away database only after checking the chain the real steps wrote.
/// </summary>
public sealed class StepStatementsFloor : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _tender;
    private readonly SqliteCommand _deadline;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _ran;
    private readonly List<(string Id, string? DeadlineKey)> _tenders = [];
    private long _next;

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
        _tender = Prepare("""
            UPDATE "Tenders" SET "Phase" = $phase, "PhaseEnteredAtUtc" = $at, "NextDeadlineJobAtUtc" = $next, "Revision" = "Revision" + 1 WHERE "Id" = $id
            """, "$phase", "$at", "$next", "$id");
        _deadline = Prepare("""UPDATE "TenderDeadlines" SET "DueAtUtc" = $at, "SetAtUtc" = $at WHERE "TenderId" = $id AND "Key" = $key""", "$at", "$id", "$key");
        _insert = Prepare("""
            INSERT INTO "AuditEvents" ("Sequence", "Action", "ActorId", "ActorRole", "Hash", "OccurredAtUtc", "PayloadJson", "PreviousHash", "Subject", "TenderId")
            VALUES ($seq, 'tender.trigger.fired', 'user:bench-procurement', 'Procurement', $hash, $at, $payload, $prev, $subject, $id)
            """, "$seq", "$hash", "$at", "$payload", "$prev", "$subject", "$id");
        _ran = Prepare("""
            SELECT d.* FROM "DeadlineJobs" d WHERE d."TenderId" = $id AND d."DeadlineDueAtUtc" >= $first AND d."DeadlineDueAtUtc" <= $last
            """, "$id", "$first", "$last");
    }

    /// <summary>Time spent in COMMIT (writing the WAL frames and syncing them) over every run so far.</summary>
    public TimeSpan CommitTime { get; private set; }

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
            // The tender's next deadline-job moment moves with the phase (admission, review: a reminder weeks ahead). In
            // contracting, one step in three, the plan's only job is contractEnd's close (2030), long past: the step reads
            // its row to find that it ran, and no job is left.
            var contracting = n % 3 == 2;
            if (contracting)
            {
                _ran.Parameters[0].Value = id;
                _ran.Parameters[1].Value = ContractEnd;
                _ran.Parameters[2].Value = ContractEnd;
                using var reader = _ran.ExecuteReader();
                while (reader.Read())
                {
                }
            }
            Execute(_tender, "admission", at, contracting ? DBNull.Value : Moment(++_next), id);
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
            var committing = Stopwatch.GetTimestamp();
            transaction.Commit();
            CommitTime += Stopwatch.GetElapsedTime(committing);
        }
        return stopwatch.Elapsed;
    }

    private SqliteCommand[] Commands => [_load, _head, _tender, _deadline, _insert, _ran];

    /// <summary>open-house's contractEnd (2030-12-31T23:59:59+01:00) as EF Core stores it.</summary>
    private const string ContractEnd = "2030-12-31 22:59:59";

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
