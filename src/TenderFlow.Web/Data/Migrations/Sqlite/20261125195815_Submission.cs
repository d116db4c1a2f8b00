using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Submission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QualityConsensus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sufficient = table.Column<bool>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChairUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityConsensus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityConsensus_AspNetUsers_ChairUserId",
                        column: x => x.ChairUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityConsensus_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Sufficient = table.Column<bool>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityJudgements_AspNetUsers_EvaluatorUserId",
                        column: x => x.EvaluatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityJudgements_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TenderSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BudgetJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BudgetExplanation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ImplementationPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ContractStartReady = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReadinessExplanation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AnswersSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderSubmissions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TenderSubmissions_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QualityConsensus_ChairUserId",
                table: "QualityConsensus",
                column: "ChairUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityConsensus_TenderId_CriterionKey",
                table: "QualityConsensus",
                columns: new[] { "TenderId", "CriterionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityJudgements_EvaluatorUserId",
                table: "QualityJudgements",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityJudgements_TenderId_CriterionKey_EvaluatorUserId",
                table: "QualityJudgements",
                columns: new[] { "TenderId", "CriterionKey", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TenderSubmissions_ApplicationId",
                table: "TenderSubmissions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderSubmissions_TenderId",
                table: "TenderSubmissions",
                column: "TenderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QualityConsensus");

            migrationBuilder.DropTable(
                name: "QualityJudgements");

            migrationBuilder.DropTable(
                name: "TenderSubmissions");
        }
    }
}
