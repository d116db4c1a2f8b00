using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsCreatedByAnAdministratorAreConfirmed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every account was created by an administrator, who entered its address: that is the confirmation the
            // password reset asks for. Accounts created before this migration had it unset and could never get a link.
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "EmailConfirmed" = 1 WHERE "Email" IS NOT NULL AND "EmailConfirmed" = 0;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which accounts were unconfirmed before is not kept; confirmed addresses stay confirmed.
        }
    }
}
