using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEventsAppendAtHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // INSERT OR REPLACE removes the row it replaces without firing the delete trigger (SQLite runs no delete
            // triggers for REPLACE unless recursive triggers are on): an event may only be added as the chain's new head.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_AppendAtHead" BEFORE INSERT ON "AuditEvents"
                WHEN NEW."Sequence" IS NOT COALESCE((SELECT MAX("Sequence") FROM "AuditEvents"), 0) + 1
                  OR NEW."PreviousHash" IS NOT COALESCE((SELECT "Hash" FROM "AuditEvents" ORDER BY "Sequence" DESC LIMIT 1),
                                                      '0000000000000000000000000000000000000000000000000000000000000000')
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only: an INSERT must link onto the head of the chain'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_AppendAtHead\";");
        }
    }
}
