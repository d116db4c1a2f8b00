using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineJobsStoredWhenRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineWakeUpAtUtc",
                table: "Tenders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextDeadlineJobAtUtc",
                table: "Tenders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeadlineKey",
                table: "TenderIncidents",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SetAtUtc",
                table: "TenderDeadlines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WatchedSinceUtc",
                table: "TenderDeadlines",
                type: "TEXT",
                nullable: true);

            // The old rows know when each deadline's current date was first planned (the earliest row for that due time):
            // that is when the date was set, and from when it was watched. Without it, reminders whose moment had gone
            // when a date was set would count as owed and go out late after the upgrade. The start-up reconciliation
            // clears the watch of deadlines the current phase does not watch.
            const string firstPlanned = "(SELECT MIN(j.\"CreatedAtUtc\") FROM \"DeadlineJobs\" AS j WHERE j.\"TenderId\" = \"TenderDeadlines\".\"TenderId\" "
                + "AND j.\"DeadlineKey\" = \"TenderDeadlines\".\"Key\" AND j.\"DeadlineDueAtUtc\" = \"TenderDeadlines\".\"DueAtUtc\")";
            migrationBuilder.Sql($"UPDATE \"TenderDeadlines\" SET \"SetAtUtc\" = {firstPlanned}, \"WatchedSinceUtc\" = {firstPlanned} WHERE \"DueAtUtc\" IS NOT NULL;");

            // Jobs that have not run are no longer stored: they follow from each tender's phase and dates, and the
            // start-up reconciliation sets every open tender's next job moment. Only the jobs that ran are kept.
            migrationBuilder.Sql("DELETE FROM \"DeadlineJobs\" WHERE \"State\" NOT IN ('Done', 'Skipped');");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_RunAtUtc",
                table: "DeadlineJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_TenderId",
                table: "DeadlineJobs");

            // SQLite's own DROP COLUMN, inside the migration's transaction: EF Core would rebuild each table, partly outside
            // it. For the same reason CompletedAtUtc and LatenessMilliseconds, required in the model now (only jobs that ran
            // are stored, and those always had both), stay nullable in the file.
            migrationBuilder.Sql("ALTER TABLE \"TenderIncidents\" DROP COLUMN \"DeadlineJobId\";");
            migrationBuilder.Sql("ALTER TABLE \"DeadlineJobs\" DROP COLUMN \"CreatedAtUtc\";");
            migrationBuilder.Sql("ALTER TABLE \"DeadlineJobs\" DROP COLUMN \"HangfireJobId\";");

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_NextDeadlineJobAtUtc",
                table: "Tenders",
                column: "NextDeadlineJobAtUtc",
                filter: "\"NextDeadlineJobAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tenders_NextDeadlineJobAtUtc",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "DeadlineWakeUpAtUtc",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "NextDeadlineJobAtUtc",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "DeadlineKey",
                table: "TenderIncidents");

            migrationBuilder.DropColumn(
                name: "SetAtUtc",
                table: "TenderDeadlines");

            migrationBuilder.DropColumn(
                name: "WatchedSinceUtc",
                table: "TenderDeadlines");

            migrationBuilder.AddColumn<Guid>(
                name: "DeadlineJobId",
                table: "TenderIncidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "LatenessMilliseconds",
                table: "DeadlineJobs",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "CompletedAtUtc",
                table: "DeadlineJobs",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAtUtc",
                table: "DeadlineJobs",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "HangfireJobId",
                table: "DeadlineJobs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_Scheduled_RunAtUtc",
                table: "DeadlineJobs",
                column: "RunAtUtc",
                filter: "\"State\" = 'Scheduled'");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_Scheduled_TenderId",
                table: "DeadlineJobs",
                column: "TenderId",
                filter: "\"State\" = 'Scheduled'");
        }
    }
}
