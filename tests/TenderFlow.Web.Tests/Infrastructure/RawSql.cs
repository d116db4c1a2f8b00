using Microsoft.Data.Sqlite;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>Runs SQL on the app's database file directly, past the app, as someone with access to the file could.</summary>
public static class RawSql
{
    public static int ExecuteSql(this TenderFlowFactory app, string sql)
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
