using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data.Configurations;

public sealed class SpecificationVersionConfiguration : IEntityTypeConfiguration<SpecificationVersion>
{
    public void Configure(EntityTypeBuilder<SpecificationVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Introduction).HasMaxLength(SpecificationVersion.MaxIntroductionLength);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.HasOne<Tender>().WithMany().HasForeignKey(v => v.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(v => v.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        // Two buyers saving on the same base: the unique number makes the second insert fail instead of forking the history.
        builder.HasIndex(v => new { v.TenderId, v.Number }).IsUnique();
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Sections).AutoInclude();
        builder.Ignore(v => v.Content);
    }
}

public sealed class SpecificationSectionConfiguration : IEntityTypeConfiguration<SpecificationSection>
{
    public void Configure(EntityTypeBuilder<SpecificationSection> builder)
    {
        builder.HasKey(s => new { s.VersionId, s.Position });
        builder.Property(s => s.Heading).HasMaxLength(SpecificationSection.MaxHeadingLength);
        builder.Property(s => s.Text).HasMaxLength(SpecificationSection.MaxTextLength);
        builder.HasOne<DialogueTheme>().WithMany().HasForeignKey(s => s.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SpecificationReviewConfiguration : IEntityTypeConfiguration<SpecificationReview>
{
    public void Configure(EntityTypeBuilder<SpecificationReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(SpecificationReview.MaxCommentLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(r => r.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpecificationVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentRecord>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenderId, r.VersionNumber });
    }
}

public sealed class SpecificationAcknowledgementConfiguration : IEntityTypeConfiguration<SpecificationAcknowledgement>
{
    public void Configure(EntityTypeBuilder<SpecificationAcknowledgement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Tender>().WithMany().HasForeignKey(a => a.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpecificationVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.VersionId, a.OrganisationId }).IsUnique();
    }
}
