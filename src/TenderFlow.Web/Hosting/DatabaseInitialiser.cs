using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Hosting;

/// <summary>Before the first request: create the data directory, switch SQLite to WAL, migrate, and check definitions against stored snapshots.</summary>
public sealed class DatabaseInitialiser(IServiceProvider services, DataDirectory dataDirectory, DefinitionCatalog catalog, DemoMode demo, ILogger<DatabaseInitialiser> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        dataDirectory.EnsureExists();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.People.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        var problems = await catalog.CheckAgainstSnapshotsAsync(db, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidDefinitionException(problems);
        }
        if (demo.Enabled)
        {
            demo.CreatedLogins = await scope.ServiceProvider.GetRequiredService<Seed.DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
        logger.LogInformation("TenderFlow data in {Directory}; {Count} procedure definition(s) loaded from {Workflows}",
            dataDirectory.Path, catalog.Current.Count, catalog.Directory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
