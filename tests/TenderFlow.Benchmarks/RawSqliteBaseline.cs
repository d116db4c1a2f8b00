using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// The floor under every step: single-row INSERT + COMMIT transactions with Microsoft.Data.Sqlite on a WAL file
/// opened with the app's own connection string (<see cref="DataDirectory.ConnectionString"/>) and the app's
/// synchronous setting (it sets none, so SQLite's default applies to both).
/// </summary>
public sealed class RawSqliteBaseline : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _payload;
    private long _row;

    public RawSqliteBaseline(string directory)
    {
        var data = new DataDirectory(directory);
        data.EnsureExists();
        ConnectionString = data.ConnectionString;
        DatabaseFile = data.DatabaseFile;
        _connection = new SqliteConnection(data.ConnectionString);
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("""CREATE TABLE "RawInserts" ("Id" INTEGER NOT NULL PRIMARY KEY, "Payload" TEXT NOT NULL);""");
        _insert = _connection.CreateCommand();
        _insert.CommandText = """INSERT INTO "RawInserts" ("Id", "Payload") VALUES ($id, $payload);""";
        _insert.Parameters.Add("$id", SqliteType.Integer);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Prepare();
    }

    public string ConnectionString { get; }

    public string DatabaseFile { get; }

    public string JournalMode => Scalar("PRAGMA journal_mode;");

    public string Synchronous => SqlitePragmas.SynchronousName(Scalar("PRAGMA synchronous;"));

    /// <summary>Runs <paramref name="count"/> transactions of one ~300-byte row each and returns the wall time.</summary>
    public TimeSpan Run(int count)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _row++;
            using var transaction = _connection.BeginTransaction();
            _insert.Transaction = transaction;
            _insert.Parameters[0].Value = _row;
            _payload.Value = $$"""{"row":{{_row}},"note":"raw baseline row: one INSERT and one COMMIT per transaction, the same WAL file settings as the application, no EF Core, no workflow engine, no audit chain; padding padding padding padding padding padding padding padding padding padding padding"}""";
            _insert.ExecuteNonQuery();
            transaction.Commit();
        }
        return stopwatch.Elapsed;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
