using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class TenderConfiguration : IEntityTypeConfiguration<Tender>
{
    public void Configure(EntityTypeBuilder<Tender> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Reference).HasMaxLength(TenderFactory.MaxReferenceLength);
        builder.HasIndex(t => t.Reference).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(TenderFactory.MaxTitleLength);
        builder.Property(t => t.DefinitionId).HasMaxLength(80);
        builder.Property(t => t.DefinitionHash).HasMaxLength(64);
        builder.Property(t => t.Phase).HasMaxLength(80);
        builder.Property(t => t.Outcome).HasMaxLength(80);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        // The sweep's one question: which tenders have a deadline job due (or coming within the wake horizon)?
        builder.HasIndex(t => t.NextDeadlineJobAtUtc).HasFilter("\"NextDeadlineJobAtUtc\" IS NOT NULL");
        builder.HasOne<DefinitionSnapshot>().WithMany().HasForeignKey(t => t.DefinitionHash).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Deadlines).WithOne().HasForeignKey(d => d.TenderId);
        builder.HasMany(t => t.Themes).WithOne().HasForeignKey(d => d.TenderId);
        builder.Navigation(t => t.Deadlines).AutoInclude();
        builder.Navigation(t => t.Themes).AutoInclude();
    }
}

public sealed class TenderDeadlineConfiguration : IEntityTypeConfiguration<TenderDeadline>
{
    public void Configure(EntityTypeBuilder<TenderDeadline> builder)
    {
        builder.HasKey(d => new { d.TenderId, d.Key });
        builder.Property(d => d.Key).HasMaxLength(80);
    }
}

public sealed class DialogueThemeConfiguration : IEntityTypeConfiguration<DialogueTheme>
{
    public void Configure(EntityTypeBuilder<DialogueTheme> builder)
    {
        builder.HasKey(t => t.Id);
        // The key is set by the entry action that adds a theme to a loaded tender; EF must insert it, not look for it.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.TenderId, t.Key }).IsUnique();
        builder.Property(t => t.Key).HasMaxLength(80);
        builder.Property(t => t.TitleNl).HasMaxLength(300);
        builder.Property(t => t.TitleEn).HasMaxLength(300);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class DefinitionSnapshotConfiguration : IEntityTypeConfiguration<DefinitionSnapshot>
{
    public void Configure(EntityTypeBuilder<DefinitionSnapshot> builder)
    {
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.Property(s => s.DefinitionId).HasMaxLength(80);
        builder.HasIndex(s => new { s.DefinitionId, s.Version });
    }
}
