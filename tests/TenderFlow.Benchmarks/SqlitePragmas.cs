using Microsoft.Data.Sqlite;

namespace TenderFlow.Benchmarks;

public static class SqlitePragmas
{
    public static string SynchronousName(string value) => value switch
    {
        "0" => "OFF (0)",
        "1" => "NORMAL (1)",
        "2" => "FULL (2)",
        "3" => "EXTRA (3)",
        _ => value,
    };

    /// <summary>journal_mode and synchronous as a fresh pooled connection with this connection string sees them.</summary>
    public static (string JournalMode, string Synchronous) Read(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return (journal, SynchronousName(synchronous));
    }
}
