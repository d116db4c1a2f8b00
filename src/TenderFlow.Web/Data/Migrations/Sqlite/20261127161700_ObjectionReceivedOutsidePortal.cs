using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObjectionReceivedOutsidePortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReceivedVia",
                table: "Objections",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceivedVia",
                table: "Objections");
        }
    }
}
