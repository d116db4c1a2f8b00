using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsChair",
                table: "EvaluatorAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CandidateSelections",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateSelections", x => x.TenderId);
                    table.ForeignKey(
                        name: "FK_CandidateSelections_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateSelections_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateSelections_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    HasConflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResolutionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_AspNetUsers_EvaluatorUserId",
                        column: x => x.EvaluatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsensusScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChairUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsensusScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsensusScores_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsensusScores_AspNetUsers_ChairUserId",
                        column: x => x.ChairUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsensusScores_SelectionCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "SelectionCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndividualScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndividualScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndividualScores_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndividualScores_AspNetUsers_EvaluatorUserId",
                        column: x => x.EvaluatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndividualScores_SelectionCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "SelectionCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnockoutJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    IsSettlement = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnockoutJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnockoutJudgements_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnockoutJudgements_AspNetUsers_EvaluatorUserId",
                        column: x => x.EvaluatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnockoutJudgements_SelectionRequirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "SelectionRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Selected = table.Column<bool>(type: "INTEGER", nullable: false),
                    StandstillEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionLetters_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionLetters_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateSelections_ApplicationId",
                table: "CandidateSelections",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateSelections_DecidedByUserId",
                table: "CandidateSelections",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_EvaluatorUserId",
                table: "ConflictDeclarations",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_TenderId_EvaluatorUserId",
                table: "ConflictDeclarations",
                columns: new[] { "TenderId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusScores_ApplicationId_CriterionId",
                table: "ConsensusScores",
                columns: new[] { "ApplicationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusScores_ChairUserId",
                table: "ConsensusScores",
                column: "ChairUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusScores_CriterionId",
                table: "ConsensusScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsensusScores_TenderId",
                table: "ConsensusScores",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualScores_ApplicationId_CriterionId_EvaluatorUserId",
                table: "IndividualScores",
                columns: new[] { "ApplicationId", "CriterionId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndividualScores_CriterionId",
                table: "IndividualScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualScores_EvaluatorUserId",
                table: "IndividualScores",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IndividualScores_TenderId",
                table: "IndividualScores",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_KnockoutJudgements_ApplicationId_RequirementId_EvaluatorUserId_IsSettlement",
                table: "KnockoutJudgements",
                columns: new[] { "ApplicationId", "RequirementId", "EvaluatorUserId", "IsSettlement" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnockoutJudgements_EvaluatorUserId",
                table: "KnockoutJudgements",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_KnockoutJudgements_RequirementId",
                table: "KnockoutJudgements",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_KnockoutJudgements_TenderId",
                table: "KnockoutJudgements",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionLetters_ApplicationId",
                table: "SelectionLetters",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionLetters_DocumentId",
                table: "SelectionLetters",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionLetters_TenderId_ApplicationId",
                table: "SelectionLetters",
                columns: new[] { "TenderId", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateSelections");

            migrationBuilder.DropTable(
                name: "ConflictDeclarations");

            migrationBuilder.DropTable(
                name: "ConsensusScores");

            migrationBuilder.DropTable(
                name: "IndividualScores");

            migrationBuilder.DropTable(
                name: "KnockoutJudgements");

            migrationBuilder.DropTable(
                name: "SelectionLetters");

            migrationBuilder.DropColumn(
                name: "IsChair",
                table: "EvaluatorAssignments");
        }
    }
}
