using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class DeadlineJobConfiguration : IEntityTypeConfiguration<DeadlineJob>
{
    private const string ScheduledOnly = "\"State\" = 'Scheduled'";

    public void Configure(EntityTypeBuilder<DeadlineJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.HasOne<Tender>().WithMany().HasForeignKey(j => j.TenderId);
        builder.Property(j => j.DeadlineKey).HasMaxLength(80);
        builder.Property(j => j.Offset).HasMaxLength(40);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.HangfireJobId).HasMaxLength(100);
        builder.Property(j => j.Outcome).HasMaxLength(1000);
        // Exactly once per tender + deadline + due time: the same job can never be planned twice. The due time comes
        // second so that a step finds the rows for its planned due times without reading the tender's history.
        builder.HasIndex(j => new { j.TenderId, j.DeadlineDueAtUtc, j.DeadlineKey, j.Kind, j.Offset }).IsUnique();
        // Only waiting jobs are ever looked up by tender or by moment, and a job leaves these indexes when it is done or
        // cancelled instead of moving within them: fewer pages written per step.
        builder.HasIndex(j => j.TenderId, "IX_DeadlineJobs_Scheduled_TenderId").HasFilter(ScheduledOnly);
        builder.HasIndex(j => j.RunAtUtc, "IX_DeadlineJobs_Scheduled_RunAtUtc").HasFilter(ScheduledOnly);
    }
}

public sealed class TenderIncidentConfiguration : IEntityTypeConfiguration<TenderIncident>
{
    public void Configure(EntityTypeBuilder<TenderIncident> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Tender>().WithMany().HasForeignKey(i => i.TenderId);
        builder.Property(i => i.Kind).HasMaxLength(80);
        builder.Property(i => i.Message).HasMaxLength(4000);
        builder.Property(i => i.ResolvedByUserId).HasMaxLength(450);
        builder.HasIndex(i => new { i.TenderId, i.ResolvedAtUtc });
    }
}
