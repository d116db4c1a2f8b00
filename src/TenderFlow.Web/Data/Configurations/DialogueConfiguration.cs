using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class DialoguePartnerInvitationConfiguration : IEntityTypeConfiguration<DialoguePartnerInvitation>
{
    public void Configure(EntityTypeBuilder<DialoguePartnerInvitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.RevokedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(i => i.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DialogueTheme>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        // One row per partner and theme: a revoked invitation is re-activated, never duplicated.
        builder.HasIndex(i => new { i.ThemeId, i.UserId }).IsUnique();
        builder.HasIndex(i => new { i.TenderId, i.UserId });
    }
}

public sealed class DialogueDeclarationConfiguration : IEntityTypeConfiguration<DialogueDeclaration>
{
    public void Configure(EntityTypeBuilder<DialogueDeclaration> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.TextVersion).HasMaxLength(40);
        builder.Property(d => d.TextSha256).HasMaxLength(64);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TenderId, d.UserId }).IsUnique();
    }
}

public sealed class DialogueMeetingConfiguration : IEntityTypeConfiguration<DialogueMeeting>
{
    public void Configure(EntityTypeBuilder<DialogueMeeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Location).HasMaxLength(DialogueMeeting.MaxLocationLength);
        builder.Property(m => m.Agenda).HasMaxLength(DialogueMeeting.MaxAgendaLength);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.Property(m => m.MinutesApprovedByUserId).HasMaxLength(450);
        builder.Property(m => m.MinutesUploadedBy).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tender>().WithMany().HasForeignKey(m => m.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DialogueTheme>().WithMany().HasForeignKey(m => m.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ThemeId, m.StartsAtUtc });
        builder.Ignore(m => m.MinutesOwner);
    }
}

public sealed class DialogueMessageConfiguration : IEntityTypeConfiguration<DialogueMessage>
{
    public void Configure(EntityTypeBuilder<DialogueMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.AuthorId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.Text).HasMaxLength(DialogueMessage.MaxTextLength);
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tender>().WithMany().HasForeignKey(m => m.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DialogueTheme>().WithMany().HasForeignKey(m => m.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DialogueMessage>().WithMany().HasForeignKey(m => m.ReplyToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ThemeId, m.PostedAtUtc });
    }
}
