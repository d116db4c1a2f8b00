using Microsoft.Data.Sqlite;

namespace TenderFlow.Web.Hosting;

/// <summary>Where TenderFlow keeps its database (and later its documents): <c>--data DIR</c>, default ./data.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        Path = System.IO.Path.GetFullPath(configuration["data"] ?? configuration["Data:Directory"] ?? "data");
    }

    public DataDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "tenderflow.db");

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = DatabaseFile,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public void EnsureExists() => Directory.CreateDirectory(Path);
}
