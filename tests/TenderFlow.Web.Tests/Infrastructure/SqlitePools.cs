using Microsoft.Data.Sqlite;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>
/// Closes the pooled connections to one data directory's database: the app's, and the plain <c>Data Source=…</c> ones
/// tests open themselves. Never <c>ClearAllPools</c>: it also reclaims a connection another test's host is handing out
/// at that moment, and that test then fails on a disposed handle (dotnet/efcore#39008).
/// </summary>
public static class SqlitePools
{
    public static void Clear(string dataDirectory)
    {
        var database = new DataDirectory(dataDirectory);
        foreach (var connectionString in new[] { database.ConnectionString, $"Data Source={database.DatabaseFile}" })
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
