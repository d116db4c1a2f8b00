using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Specification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpecificationVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecificationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecificationVersions_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationVersions_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpecificationAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecificationAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecificationAcknowledgements_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationAcknowledgements_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationAcknowledgements_SpecificationVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SpecificationVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationAcknowledgements_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpecificationReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecificationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecificationReviews_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationReviews_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationReviews_SpecificationVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SpecificationVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationReviews_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpecificationSection",
                columns: table => new
                {
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecificationSection", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_SpecificationSection_DialogueThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "DialogueThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecificationSection_SpecificationVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SpecificationVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationAcknowledgements_OrganisationId",
                table: "SpecificationAcknowledgements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationAcknowledgements_TenderId",
                table: "SpecificationAcknowledgements",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationAcknowledgements_UserId",
                table: "SpecificationAcknowledgements",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationAcknowledgements_VersionId_OrganisationId",
                table: "SpecificationAcknowledgements",
                columns: new[] { "VersionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationReviews_DocumentId",
                table: "SpecificationReviews",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationReviews_ReviewerUserId",
                table: "SpecificationReviews",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationReviews_TenderId_VersionNumber",
                table: "SpecificationReviews",
                columns: new[] { "TenderId", "VersionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationReviews_VersionId",
                table: "SpecificationReviews",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationSection_ThemeId",
                table: "SpecificationSection",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationVersions_AuthorUserId",
                table: "SpecificationVersions",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecificationVersions_TenderId_Number",
                table: "SpecificationVersions",
                columns: new[] { "TenderId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpecificationAcknowledgements");

            migrationBuilder.DropTable(
                name: "SpecificationReviews");

            migrationBuilder.DropTable(
                name: "SpecificationSection");

            migrationBuilder.DropTable(
                name: "SpecificationVersions");
        }
    }
}
