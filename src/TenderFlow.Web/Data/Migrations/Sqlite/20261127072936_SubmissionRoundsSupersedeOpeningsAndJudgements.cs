using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubmissionRoundsSupersedeOpeningsAndJudgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VaultOpenings_TenderId_Vault",
                table: "VaultOpenings");

            migrationBuilder.DropIndex(
                name: "IX_QualityJudgements_TenderId_CriterionKey_EvaluatorUserId",
                table: "QualityJudgements");

            migrationBuilder.DropIndex(
                name: "IX_QualityConsensus_TenderId_CriterionKey",
                table: "QualityConsensus");

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "VaultOpenings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "QualityJudgements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "QualityConsensus",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VaultOpenings_TenderId_Vault",
                table: "VaultOpenings",
                columns: new[] { "TenderId", "Vault" },
                unique: true,
                filter: "\"SupersededAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QualityJudgements_TenderId_CriterionKey_EvaluatorUserId",
                table: "QualityJudgements",
                columns: new[] { "TenderId", "CriterionKey", "EvaluatorUserId" },
                unique: true,
                filter: "\"SupersededAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QualityConsensus_TenderId_CriterionKey",
                table: "QualityConsensus",
                columns: new[] { "TenderId", "CriterionKey" },
                unique: true,
                filter: "\"SupersededAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VaultOpenings_TenderId_Vault",
                table: "VaultOpenings");

            migrationBuilder.DropIndex(
                name: "IX_QualityJudgements_TenderId_CriterionKey_EvaluatorUserId",
                table: "QualityJudgements");

            migrationBuilder.DropIndex(
                name: "IX_QualityConsensus_TenderId_CriterionKey",
                table: "QualityConsensus");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "VaultOpenings");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "QualityJudgements");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "QualityConsensus");

            migrationBuilder.CreateIndex(
                name: "IX_VaultOpenings_TenderId_Vault",
                table: "VaultOpenings",
                columns: new[] { "TenderId", "Vault" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityJudgements_TenderId_CriterionKey_EvaluatorUserId",
                table: "QualityJudgements",
                columns: new[] { "TenderId", "CriterionKey", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityConsensus_TenderId_CriterionKey",
                table: "QualityConsensus",
                columns: new[] { "TenderId", "CriterionKey" },
                unique: true);
        }
    }
}
