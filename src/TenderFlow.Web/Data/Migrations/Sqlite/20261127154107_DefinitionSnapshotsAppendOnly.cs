using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenderFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DefinitionSnapshotsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A tender is pinned to the exact text of its procedure: the stored text may be added, never changed or removed.
            migrationBuilder.Sql("""
                CREATE TRIGGER "DefinitionSnapshots_NoUpdate" BEFORE UPDATE ON "DefinitionSnapshots"
                BEGIN SELECT RAISE(ABORT, 'definition snapshots are append-only: UPDATE is not allowed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DefinitionSnapshots_NoDelete" BEFORE DELETE ON "DefinitionSnapshots"
                BEGIN SELECT RAISE(ABORT, 'definition snapshots are append-only: DELETE is not allowed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"DefinitionSnapshots_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"DefinitionSnapshots_NoDelete\";");
        }
    }
}
