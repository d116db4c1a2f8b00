using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Mail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_MailedAtUtc",
                table: "Notifications");

            migrationBuilder.AddColumn<bool>(
                name: "Calendar_Cancelled",
                table: "Notifications",
                type: "INTEGER",
                nullable: true,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Calendar_Sequence",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MailAttempts",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MailError",
                table: "Notifications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailGaveUpAtUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailNextAttemptAtUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailedAtUtc_MailGaveUpAtUtc_MailNextAttemptAtUtc",
                table: "Notifications",
                columns: new[] { "MailedAtUtc", "MailGaveUpAtUtc", "MailNextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_MailedAtUtc_MailGaveUpAtUtc_MailNextAttemptAtUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_Cancelled",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Calendar_Sequence",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailAttempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailError",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailGaveUpAtUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "MailNextAttemptAtUtc",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailedAtUtc",
                table: "Notifications",
                column: "MailedAtUtc");
        }
    }
}
