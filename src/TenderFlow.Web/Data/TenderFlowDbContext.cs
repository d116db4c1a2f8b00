using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data;

// Partial: each feature declares its own sets in Data/TenderFlowDbContext.<Feature>.cs.
public sealed partial class TenderFlowDbContext(DbContextOptions<TenderFlowDbContext> options) : IdentityDbContext<TenderFlowUser, IdentityRole, string>(options)
{
    public DbSet<Tender> Tenders => Set<Tender>();
    public DbSet<TenderDeadline> TenderDeadlines => Set<TenderDeadline>();
    public DbSet<DialogueTheme> DialogueThemes => Set<DialogueTheme>();
    public DbSet<DefinitionSnapshot> DefinitionSnapshots => Set<DefinitionSnapshot>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<TenderParticipant> TenderParticipants => Set<TenderParticipant>();
    public DbSet<EvaluatorAssignment> EvaluatorAssignments => Set<EvaluatorAssignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TenderFlowDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Kind=Unspecified; every stored moment is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
