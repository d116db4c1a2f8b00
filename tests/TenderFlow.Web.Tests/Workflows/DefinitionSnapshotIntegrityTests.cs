using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Workflows;

/// <summary>A tender is pinned to the exact text of its procedure: the stored snapshot cannot be changed, and one that was changed behind the database's back is not run.</summary>
public sealed class DefinitionSnapshotIntegrityTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private int Execute(string sql) => _app.ExecuteSql(sql);

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_a_stored_procedure_snapshot()
    {
        await _app.Procurement().CreateTenderAsync();

        var update = Assert.Throws<SqliteException>(() => Execute("""UPDATE "DefinitionSnapshots" SET "Json" = "Json" || ' '"""));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = Assert.Throws<SqliteException>(() => Execute("""DELETE FROM "DefinitionSnapshots" """));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_whose_text_no_longer_has_its_hash_is_not_run()
    {
        _ = _app.Procurement(); // starts the app, which creates the database
        var sas = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "workflows", "sas-dialogue.json"));
        var pinned = new string('a', 64);
        Execute($"""INSERT INTO "DefinitionSnapshots" ("Hash", "DefinitionId", "Version", "Json", "StoredAtUtc") VALUES ('{pinned}', 'sas-dialogue', 1, '{sas.Replace("'", "''", StringComparison.Ordinal)}', '2027-03-01 09:00:00')""");
        using var scope = _app.Services.CreateScope();

        var refused = await Assert.ThrowsAsync<DefinitionSnapshotAlteredException>(() =>
            scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().ForHashAsync(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>(), pinned, CancellationToken.None));
        Assert.Contains(pinned[..12], refused.Message, StringComparison.Ordinal);
    }
}
