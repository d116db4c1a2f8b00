using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Sealing;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class DocumentRecordConfiguration : IEntityTypeConfiguration<DocumentRecord>
{
    public void Configure(EntityTypeBuilder<DocumentRecord> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(80);
        builder.Property(d => d.Owner).HasMaxLength(120);
        builder.Property(d => d.FileName).HasMaxLength(DocumentFileName.MaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(120);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TenderId, d.Owner, d.Kind, d.Version }).IsUnique();
        builder.Ignore(d => d.IsCurrent);
    }
}

public sealed class VaultOpeningConfiguration : IEntityTypeConfiguration<VaultOpening>
{
    public void Configure(EntityTypeBuilder<VaultOpening> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Vault).HasMaxLength(40);
        builder.Property(o => o.FirstUserId).HasMaxLength(450);
        builder.Property(o => o.SecondUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(o => o.TenderId).OnDelete(DeleteBehavior.Restrict);
        // One current opening per vault; superseded ones (an earlier submission round) stay on record and are never read as current.
        builder.HasIndex(o => new { o.TenderId, o.Vault }).IsUnique().HasFilter("\"SupersededAtUtc\" IS NULL");
        builder.HasQueryFilter(o => o.SupersededAtUtc == null);
        builder.Ignore(o => o.IsComplete);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasMaxLength(80);
        builder.Property(n => n.TextNl).HasMaxLength(1000);
        builder.Property(n => n.TextEn).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.Property(n => n.MailError).HasMaxLength(1000);
        // The outbox query: pending (not mailed, not given up) and due.
        builder.HasIndex(n => new { n.MailedAtUtc, n.MailGaveUpAtUtc, n.MailNextAttemptAtUtc });
        builder.OwnsOne(n => n.Calendar, c =>
        {
            c.Property(x => x.Uid).HasMaxLength(200);
            c.Property(x => x.TitleNl).HasMaxLength(300);
            c.Property(x => x.TitleEn).HasMaxLength(300);
            c.Property(x => x.Location).HasMaxLength(400);
            // Rows from before the column existed read as not cancelled.
            c.Property(x => x.Cancelled).HasDefaultValue(false);
        });
    }
}
