using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsultationReportPublicFromVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReportPublicFromVersion",
                table: "ConsultationSessions",
                type: "INTEGER",
                nullable: true);

            // Which earlier versions were uploaded as public was not kept: only the current version of a public report stays public.
            migrationBuilder.Sql("""
                UPDATE ConsultationSessions SET ReportPublicFromVersion = (
                    SELECT MAX(d.Version) FROM Documents d
                    WHERE d.Kind = 'consultation.report' AND d.Owner = 'consultation-session/' || lower(ConsultationSessions.Id))
                WHERE ReportIsPublic = 1;
                """);

            migrationBuilder.DropColumn(
                name: "ReportIsPublic",
                table: "ConsultationSessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReportIsPublic",
                table: "ConsultationSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE ConsultationSessions SET ReportIsPublic = ReportPublicFromVersion IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "ReportPublicFromVersion",
                table: "ConsultationSessions");
        }
    }
}
