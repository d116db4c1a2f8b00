using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data;

public sealed class TenderFlowDbContext(DbContextOptions<TenderFlowDbContext> options) : DbContext(options)
{
    public DbSet<Tender> Tenders => Set<Tender>();
    public DbSet<TenderDeadline> TenderDeadlines => Set<TenderDeadline>();
    public DbSet<DialogueTheme> DialogueThemes => Set<DialogueTheme>();
    public DbSet<DefinitionSnapshot> DefinitionSnapshots => Set<DefinitionSnapshot>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TenderFlowDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Kind=Unspecified; every stored moment is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
