using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>A data directory from before jobs were stored only when they run (it held a row per planned job).</summary>
public class DeadlineJobsUpgradeTests
{
    private const string BeforeRunOnlyRows = "20261126045753_DeadlineJobIndexes";

    [Fact]
    public async Task An_upgraded_database_keeps_the_jobs_that_ran_drops_the_planned_rows_and_start_up_runs_what_fell_due_once()
    {
        using var data = new TempDirectory();
        Guid tender;
        PlannedDeadlineJob reminder, close;
        using (var before = new TenderFlowFactory(data.Path))
        {
            tender = await DeadlineWorld.PublishedTenderAsync(before);
            reminder = before.Planned(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Reminder);
            close = before.Planned(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Close);
            using var scope = before.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().GetService<IMigrator>().MigrateAsync(BeforeRunOnlyRows);
        }
        // The rows the old schema held: the reminder already ran, the close was waiting, a job of the publication date was cancelled.
        var ranId = Guid.NewGuid();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "tenderflow.db")};Pooling=False"))
        {
            connection.Open();
            Insert(connection, ranId, tender, reminder, "Done", TenderFlowFactory.Start.UtcDateTime.AddDays(1));
            Insert(connection, Guid.NewGuid(), tender, close, "Scheduled", null);
            Insert(connection, Guid.NewGuid(), tender, close with { DeadlineKey = "publication", DeadlineDueAtUtc = TenderFlowFactory.Start.UtcDateTime.AddMinutes(-1) }, "Cancelled", null);
        }

        // Back up two hours after the questions closed (the app was down meanwhile).
        using var after = new TenderFlowFactory(data.Path);
        after.Clock.SetUtcNow(new DateTimeOffset(close.RunAtUtc, TimeSpan.Zero).AddHours(2));
        _ = after.Services;

        var rows = after.Db(db => db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tender).ToList());
        Assert.Equal(ranId, Assert.Single(rows, j => j.Kind == DeadlineJobKind.Reminder).Id);
        var closed = Assert.Single(rows, j => j.Kind == DeadlineJobKind.Close);
        Assert.Equal(("questionsClose", DeadlineJobState.Done), (closed.DeadlineKey, closed.State));
        Assert.Equal(2, rows.Count);
        Assert.Empty(after.Events(tender, "deadline.reminder.sent"));   // it had run: not sent again
        var passed = Assert.Single(after.Events(tender, "deadline.passed"));
        Assert.True(passed.Payload()["late"]!.GetValue<bool>());
        Assert.Equal(after.Planned(tender, "applicationsClose").Min(j => j.RunAtUtc), after.Tender(tender).NextDeadlineJobAtUtc);
    }

    private static void Insert(SqliteConnection connection, Guid id, Guid tender, PlannedDeadlineJob job, string state, DateTime? completedAtUtc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "DeadlineJobs" ("Id", "TenderId", "DeadlineKey", "Kind", "Offset", "DeadlineDueAtUtc", "RunAtUtc", "State", "HangfireJobId", "CreatedAtUtc", "CompletedAtUtc", "LatenessMilliseconds", "Outcome")
            VALUES ($id, $tender, $key, $kind, $offset, $due, $runAt, $state, NULL, $created, $completed, $lateness, NULL)
            """;
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$tender", tender.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$key", job.DeadlineKey);
        command.Parameters.AddWithValue("$kind", job.Kind.ToString());
        command.Parameters.AddWithValue("$offset", job.Offset);
        command.Parameters.AddWithValue("$due", job.DeadlineDueAtUtc);
        command.Parameters.AddWithValue("$runAt", job.RunAtUtc);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$created", TenderFlowFactory.Start.UtcDateTime);
        command.Parameters.AddWithValue("$completed", (object?)completedAtUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("$lateness", completedAtUtc is null ? DBNull.Value : 0L);
        command.ExecuteNonQuery();
    }
}
