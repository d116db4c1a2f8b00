using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class DeadlineJobConfiguration : IEntityTypeConfiguration<DeadlineJob>
{
    public void Configure(EntityTypeBuilder<DeadlineJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.HasOne<Tender>().WithMany().HasForeignKey(j => j.TenderId);
        builder.Property(j => j.DeadlineKey).HasMaxLength(80);
        builder.Property(j => j.Offset).HasMaxLength(40);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Outcome).HasMaxLength(1000);
        // Exactly once per tender + deadline + due time: a job delivered twice, or run by two servers at once, cannot be
        // recorded twice, so its work (committed with the row) cannot stand twice. The due time comes second so that the
        // rows for a tender's planned due times are found without reading its history.
        builder.HasIndex(j => new { j.TenderId, j.DeadlineDueAtUtc, j.DeadlineKey, j.Kind, j.Offset }).IsUnique();
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
        builder.Property(i => i.DeadlineKey).HasMaxLength(80);
        builder.HasIndex(i => new { i.TenderId, i.ResolvedAtUtc });
    }
}
