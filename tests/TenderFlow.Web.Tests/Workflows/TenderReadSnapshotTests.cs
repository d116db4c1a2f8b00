using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Workflows;

/// <summary>
/// A tender read for a page or the API (<see cref="TenderSteps.LoadAsync"/>) takes more than one statement (the tender, its
/// deadlines, its themes). A change committed between those statements must not show up half: the read sees one commit.
/// </summary>
public sealed class TenderReadSnapshotTests
{
    [Fact]
    public async Task A_tender_read_never_combines_the_tender_with_deadlines_from_a_later_commit()
    {
        using var app = new TenderFlowFactory();
        var tenderId = Guid.Parse((await app.Procurement().CreateTenderAsync()).Id());
        var before = app.Tender(tenderId);
        var moved = new DateTime(2031, 1, 1, 11, 0, 0, DateTimeKind.Utc);
        var writer = new CommitAfterFirstRead(app.ConnectionString, [tenderId], moved);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = ContextAsTheAppHasIt(app, writer);
        var steps = ActivatorUtilities.CreateInstance<TenderSteps>(services, db);

        var (tender, _) = (await steps.LoadAsync(tenderId, CancellationToken.None))!.Value;

        Assert.True(writer.Committed, "the other connection's change was not committed in the middle of the read");
        Assert.Equal(3, writer.TenderReads);   // tender, deadlines, themes: split, and still one commit
        Assert.Equal(before.Revision, tender.Revision);
        Assert.Equal(before.Revision + 1, app.Tender(tenderId).Revision);   // the other change did land
        Assert.DoesNotContain(tender.Deadlines, d => d.DueAtUtc == moved);
        Assert.NotEmpty(tender.Deadlines);

        var (after, _) = (await steps.LoadAsync(tenderId, CancellationToken.None))!.Value;
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Contains(after.Deadlines, d => d.DueAtUtc == moved);
    }

    [Fact]
    public async Task A_list_of_tenders_never_combines_tenders_with_deadlines_from_a_later_commit()
    {
        using var app = new TenderFlowFactory();
        var procurement = app.Procurement();
        Guid[] ids = [Guid.Parse((await procurement.CreateTenderAsync()).Id()), Guid.Parse((await procurement.CreateTenderAsync()).Id())];
        var moved = new DateTime(2031, 1, 1, 11, 0, 0, DateTimeKind.Utc);
        var writer = new CommitAfterFirstRead(app.ConnectionString, ids, moved);
        await using var db = ContextAsTheAppHasIt(app, writer);

        var tenders = await db.Tenders.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Reference).ToListAsync();

        Assert.True(writer.Committed);
        Assert.Equal(3, writer.TenderReads);
        Assert.Equal(2, tenders.Count);
        Assert.All(tenders, t => Assert.NotEmpty(t.Deadlines));
        Assert.All(tenders, t => Assert.DoesNotContain(t.Deadlines, d => d.DueAtUtc == moved));
        Assert.All(ids, id => Assert.Contains(app.Db(fresh => fresh.TenderDeadlines.AsNoTracking().Where(d => d.TenderId == id).ToList()), d => d.DueAtUtc == moved));
    }

    /// <summary>The app's own context options (query splitting included) with the interceptor added.</summary>
    private static TenderFlowDbContext ContextAsTheAppHasIt(TenderFlowFactory app, IInterceptor interceptor) =>
        new(new DbContextOptionsBuilder<TenderFlowDbContext>(app.Services.GetRequiredService<DbContextOptions<TenderFlowDbContext>>())
            .AddInterceptors(interceptor).Options);

    /// <summary>
    /// After the read's first statement has returned its tender rows, another connection moves a deadline of each tender
    /// and raises its revision in one commit, as a colleague's deadline change would.
    /// </summary>
    private sealed class CommitAfterFirstRead(string connectionString, IReadOnlyList<Guid> tenderIds, DateTime moved) : DbCommandInterceptor
    {
        public bool Committed { get; private set; }

        /// <summary>Statements that read tender data: the tenders, then (split) their deadlines and their themes.</summary>
        public int TenderReads { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.Contains("FROM \"Tenders\"", StringComparison.Ordinal))
            {
                return result;
            }
            TenderReads++;
            if (!Committed)
            {
                Committed = true;
                await using var other = new SqliteConnection(connectionString);
                await other.OpenAsync(cancellationToken);
                await using var transaction = other.BeginTransaction();
                foreach (var tenderId in tenderIds)
                {
                    await using var change = other.CreateCommand();
                    change.Transaction = transaction;
                    change.CommandText = """
                        UPDATE "TenderDeadlines" SET "DueAtUtc" = $moved WHERE "TenderId" = $id AND "Key" = (SELECT MIN("Key") FROM "TenderDeadlines" WHERE "TenderId" = $id);
                        UPDATE "Tenders" SET "Revision" = "Revision" + 1 WHERE "Id" = $id;
                        """;
                    change.Parameters.AddWithValue("$moved", moved.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                    change.Parameters.AddWithValue("$id", tenderId.ToString().ToUpperInvariant());
                    await change.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        }
    }
}
