using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AddedAtUtc",
                table: "DialogueThemes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddedByUserId",
                table: "DialogueThemes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreedAtUtc",
                table: "DialogueThemes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "DialogueThemes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DialogueDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TextSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueDeclarations_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialogueMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MinutesDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesUploadedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MinutesApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MinutesApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueMeetings_DialogueThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "DialogueThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueMeetings_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialogueMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReplyToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueMessages_DialogueMessages_ReplyToId",
                        column: x => x.ReplyToId,
                        principalTable: "DialogueMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueMessages_DialogueThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "DialogueThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueMessages_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialoguePartnerInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InvitedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialoguePartnerInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialoguePartnerInvitations_DialogueThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "DialogueThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialoguePartnerInvitations_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueDeclarations_TenderId_UserId",
                table: "DialogueDeclarations",
                columns: new[] { "TenderId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_TenderId",
                table: "DialogueMeetings",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_ThemeId_StartsAtUtc",
                table: "DialogueMeetings",
                columns: new[] { "ThemeId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMessages_ReplyToId",
                table: "DialogueMessages",
                column: "ReplyToId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMessages_TenderId",
                table: "DialogueMessages",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMessages_ThemeId_PostedAtUtc",
                table: "DialogueMessages",
                columns: new[] { "ThemeId", "PostedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DialoguePartnerInvitations_TenderId_UserId",
                table: "DialoguePartnerInvitations",
                columns: new[] { "TenderId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DialoguePartnerInvitations_ThemeId_UserId",
                table: "DialoguePartnerInvitations",
                columns: new[] { "ThemeId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialogueDeclarations");

            migrationBuilder.DropTable(
                name: "DialogueMeetings");

            migrationBuilder.DropTable(
                name: "DialogueMessages");

            migrationBuilder.DropTable(
                name: "DialoguePartnerInvitations");

            migrationBuilder.DropColumn(
                name: "AddedAtUtc",
                table: "DialogueThemes");

            migrationBuilder.DropColumn(
                name: "AddedByUserId",
                table: "DialogueThemes");

            migrationBuilder.DropColumn(
                name: "AgreedAtUtc",
                table: "DialogueThemes");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "DialogueThemes");
        }
    }
}
