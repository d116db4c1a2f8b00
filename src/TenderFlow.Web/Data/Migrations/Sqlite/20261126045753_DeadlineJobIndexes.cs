using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineJobIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_State_RunAtUtc",
                table: "DeadlineJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_TenderId_DeadlineKey_Kind_Offset_DeadlineDueAtUtc",
                table: "DeadlineJobs");

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

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_TenderId_DeadlineDueAtUtc_DeadlineKey_Kind_Offset",
                table: "DeadlineJobs",
                columns: new[] { "TenderId", "DeadlineDueAtUtc", "DeadlineKey", "Kind", "Offset" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_RunAtUtc",
                table: "DeadlineJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_Scheduled_TenderId",
                table: "DeadlineJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineJobs_TenderId_DeadlineDueAtUtc_DeadlineKey_Kind_Offset",
                table: "DeadlineJobs");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_State_RunAtUtc",
                table: "DeadlineJobs",
                columns: new[] { "State", "RunAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_TenderId_DeadlineKey_Kind_Offset_DeadlineDueAtUtc",
                table: "DeadlineJobs",
                columns: new[] { "TenderId", "DeadlineKey", "Kind", "Offset", "DeadlineDueAtUtc" },
                unique: true);
        }
    }
}
