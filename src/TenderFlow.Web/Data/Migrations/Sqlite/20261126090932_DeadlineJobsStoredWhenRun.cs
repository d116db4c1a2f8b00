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
            // Jobs that have not run are no longer stored: they follow from each tender's phase and dates, and the
            // start-up reconciliation sets every open tender's next job moment. Only the jobs that ran are kept.
            migrationBuilder.Sql("DELETE FROM \"DeadlineJobs\" WHERE \"State\" NOT IN ('Done', 'Skipped');");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_RunAtUtc",
                table: "DeadlineJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_TenderId",
                table: "DeadlineJobs");

            migrationBuilder.Sql("ALTER TABLE \"TenderIncidents\" DROP COLUMN \"DeadlineJobId\";");

            migrationBuilder.Sql("ALTER TABLE \"DeadlineJobs\" DROP COLUMN \"CreatedAtUtc\";");

            migrationBuilder.Sql("ALTER TABLE \"DeadlineJobs\" DROP COLUMN \"HangfireJobId\";");

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

            // CompletedAtUtc and LatenessMilliseconds are required in the model now (only jobs that ran are stored) but stay
            // nullable in the file: SQLite can change that only by rebuilding the table, which EF Core does outside the
            // migration's transaction. The columns are dropped above with SQLite's own DROP COLUMN for the same reason.

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
