using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "Calendar_EndUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Calendar_Location",
                table: "Notifications",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Calendar_StartUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Calendar_TitleEn",
                table: "Notifications",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Calendar_TitleNl",
                table: "Notifications",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Calendar_Uid",
                table: "Notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailedAtUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Offset = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeadlineDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HangfireJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LatenessMilliseconds = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineJobs_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TenderIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderIncidents_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailedAtUtc",
                table: "Notifications",
                column: "MailedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_State_RunAtUtc",
                table: "DeadlineJobs",
                columns: new[] { "State", "RunAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineJobs_TenderId_DeadlineKey_Kind_Offset_DeadlineDueAtUtc",
                table: "DeadlineJobs",
                columns: new[] { "TenderId", "DeadlineKey", "Kind", "Offset", "DeadlineDueAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TenderIncidents_TenderId_ResolvedAtUtc",
                table: "TenderIncidents",
                columns: new[] { "TenderId", "ResolvedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineJobs");

            migrationBuilder.DropTable(
                name: "TenderIncidents");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_MailedAtUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_EndUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_Location",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_StartUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_TitleEn",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_TitleNl",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_Uid",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailedAtUtc",
                table: "Notifications");
        }
    }
}
