using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Accounts;

/// <summary>Accounts an administrator created before addresses counted as confirmed: after the upgrade they can get a reset link.</summary>
public class ConfirmedAddressUpgradeTests
{
    private const string BeforeConfirmedAddresses = "20261126100252_DeadlineJobsStoredWhenRun";

    [Fact]
    public async Task An_upgraded_database_counts_every_account_s_address_as_confirmed()
    {
        using var data = new TempDirectory();
        string userId;
        using (var before = new TenderFlowFactory(data.Path))
        {
            userId = (await before.Users.EnsureAsync("bea.zorgplus", null, "Bidder")).Id;
            using var scope = before.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().GetService<IMigrator>().MigrateAsync(BeforeConfirmedAddresses);
        }
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "tenderflow.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """UPDATE "AspNetUsers" SET "EmailConfirmed" = 0""";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var after = new TenderFlowFactory(data.Path);
        after.CreateClient();

        Assert.True(after.Db(db => db.Users.AsNoTracking().Single(u => u.Id == userId).EmailConfirmed));
    }
}
