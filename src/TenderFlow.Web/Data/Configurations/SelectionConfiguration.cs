using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class SelectionRequirementConfiguration : IEntityTypeConfiguration<SelectionRequirement>
{
    public void Configure(EntityTypeBuilder<SelectionRequirement> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.TextNl).HasMaxLength(4000);
        builder.Property(r => r.TextEn).HasMaxLength(4000);
        builder.HasOne<Tender>().WithMany().HasForeignKey(r => r.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenderId, r.Code }).IsUnique();
    }
}

public sealed class SelectionCriterionConfiguration : IEntityTypeConfiguration<SelectionCriterion>
{
    public void Configure(EntityTypeBuilder<SelectionCriterion> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.TitleNl).HasMaxLength(300);
        builder.Property(c => c.TitleEn).HasMaxLength(300);
        builder.Property(c => c.DescriptionNl).HasMaxLength(4000);
        builder.Property(c => c.DescriptionEn).HasMaxLength(4000);
        builder.HasOne<Tender>().WithMany().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenderId, c.Code }).IsUnique();
        builder.OwnsMany(c => c.Descriptors, d => d.ToJson());
    }
}

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ConsortiumName).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<Tender>().WithMany().HasForeignKey(a => a.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.ApplicationId);
        builder.Navigation(a => a.Members).AutoInclude();
        builder.Ignore(a => a.IsConsortium);
    }
}

public sealed class ApplicationMemberConfiguration : IEntityTypeConfiguration<ApplicationMember>
{
    public void Configure(EntityTypeBuilder<ApplicationMember> builder)
    {
        builder.HasKey(m => new { m.ApplicationId, m.OrganisationId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
