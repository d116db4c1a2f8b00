using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DialogueThemeKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
