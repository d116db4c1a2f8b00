using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Award : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnnouncedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AnnouncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StandstillEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LetterDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FinalAwardAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_AspNetUsers_AnnouncedByUserId",
                        column: x => x.AnnouncedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractRecords",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BaseTermYears = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionYears = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaximumTermYears = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractRecords", x => x.TenderId);
                    table.ForeignKey(
                        name: "FK_ContractRecords_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Option = table.Column<int>(type: "INTEGER", nullable: false),
                    Exercised = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionDecisions_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StandstillEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdviceUphold = table.Column<bool>(type: "INTEGER", nullable: true),
                    AdviceReasoning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AdvisedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AdvisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionReasoning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DeviationReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResolvedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutcomeLetterDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_AspNetUsers_FiledByUserId",
                        column: x => x.FiledByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_AnnouncedByUserId",
                table: "AwardDecisions",
                column: "AnnouncedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_ApplicationId",
                table: "AwardDecisions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_TenderId",
                table: "AwardDecisions",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionDecisions_TenderId_Option",
                table: "ExtensionDecisions",
                columns: new[] { "TenderId", "Option" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_ApplicationId",
                table: "Objections",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_DocumentId",
                table: "Objections",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_FiledByUserId",
                table: "Objections",
                column: "FiledByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TenderId_Decision",
                table: "Objections",
                columns: new[] { "TenderId", "Decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardDecisions");

            migrationBuilder.DropTable(
                name: "ContractRecords");

            migrationBuilder.DropTable(
                name: "ExtensionDecisions");

            migrationBuilder.DropTable(
                name: "Objections");
        }
    }
}
