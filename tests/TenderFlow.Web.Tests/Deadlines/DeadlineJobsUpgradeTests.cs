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
        PlannedDeadlineJob reminder, close, applications, applicationsReminder;
        using (var before = new TenderFlowFactory(data.Path))
        {
            tender = await DeadlineWorld.PublishedTenderAsync(before);
            reminder = before.Planned(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Reminder);
            close = before.Planned(tender, "questionsClose").Single(j => j.Kind == DeadlineJobKind.Close);
            applications = before.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Close);
            applicationsReminder = before.Planned(tender, "applicationsClose").Single(j => j.Kind == DeadlineJobKind.Reminder && j.Offset == "P7D");
            using var scope = before.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().GetService<IMigrator>().MigrateAsync(BeforeRunOnlyRows);
        }
        // The rows the old schema held: the questions' reminder already ran and their close was waiting; a job of the
        // publication date was cancelled; the applications' date was set (its rows planned) an hour after its seven-day
        // reminder's moment, so the old schema never planned that reminder.
        var start = TenderFlowFactory.Start.UtcDateTime;
        var applicationsDateSet = applicationsReminder.RunAtUtc.AddHours(1);
        var ranId = Guid.NewGuid();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "tenderflow.db")};Pooling=False"))
        {
            connection.Open();
            Insert(connection, ranId, tender, reminder, "Done", start, reminder.RunAtUtc);
            Insert(connection, Guid.NewGuid(), tender, close, "Scheduled", start, null);
            Insert(connection, Guid.NewGuid(), tender, close with { DeadlineKey = "publication", DeadlineDueAtUtc = start.AddMinutes(-1) }, "Cancelled", start, null);
            Insert(connection, Guid.NewGuid(), tender, applications, "Scheduled", applicationsDateSet, null);
        }

        // Back up two hours after the applications' reminder moment (the app was down meanwhile; the questions closed).
        using var after = new TenderFlowFactory(data.Path);
        after.Clock.SetUtcNow(new DateTimeOffset(applicationsReminder.RunAtUtc, TimeSpan.Zero).AddHours(2));
        _ = after.Services;

        var rows = after.Db(db => db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tender).ToList());
        Assert.Equal(ranId, Assert.Single(rows, j => j.Kind == DeadlineJobKind.Reminder).Id);
        var closed = Assert.Single(rows, j => j.Kind == DeadlineJobKind.Close);
        Assert.Equal(("questionsClose", DeadlineJobState.Done), (closed.DeadlineKey, closed.State));
        Assert.Equal(2, rows.Count);
        Assert.Empty(after.Events(tender, "deadline.reminder.sent"));   // the questions' reminder had run: not sent again
        var passed = Assert.Single(after.Events(tender, "deadline.passed"));
        Assert.True(passed.Payload()["late"]!.GetValue<bool>());
        // The applications' dates were backfilled from the old rows: the reminder planned too late is not sent now either.
        var applicationsDate = after.Db(db => db.TenderDeadlines.AsNoTracking().Single(d => d.TenderId == tender && d.Key == "applicationsClose"));
        Assert.Equal((applicationsDateSet, applicationsDateSet), (applicationsDate.SetAtUtc, applicationsDate.WatchedSinceUtc));
        Assert.Empty(after.Events(tender, "deadline.reminder.sent"));
        Assert.Contains(after.Planned(tender, "applicationsClose"), j => j.Kind == DeadlineJobKind.Close && j.RunAtUtc == applications.RunAtUtc);
        // The next moment is the earliest planned job: the Q&A's two-day reminder, before the applications close.
        var nviReminder = Assert.Single(after.Planned(tender, "nviPublication"), j => j.Kind == DeadlineJobKind.Reminder);
        Assert.True(nviReminder.RunAtUtc < applications.RunAtUtc);
        Assert.Equal(nviReminder.RunAtUtc, after.Tender(tender).NextDeadlineJobAtUtc);
        // A deadline the current phase does not watch is no longer watched.
        Assert.Null(after.Db(db => db.TenderDeadlines.AsNoTracking().Single(d => d.TenderId == tender && d.Key == "publication")).WatchedSinceUtc);
    }

    private static void Insert(SqliteConnection connection, Guid id, Guid tender, PlannedDeadlineJob job, string state, DateTime createdAtUtc, DateTime? completedAtUtc)
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
        command.Parameters.AddWithValue("$created", createdAtUtc);
        command.Parameters.AddWithValue("$completed", (object?)completedAtUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("$lateness", completedAtUtc is null ? DBNull.Value : 0L);
        command.ExecuteNonQuery();
    }
}
