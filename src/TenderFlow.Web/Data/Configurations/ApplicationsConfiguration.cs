using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Selection;

namespace TenderFlow.Web.Data.Configurations;

public sealed class ApplicationReferenceConfiguration : IEntityTypeConfiguration<ApplicationReference>
{
    public void Configure(EntityTypeBuilder<ApplicationReference> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Client).HasMaxLength(ApplicationReference.MaxShortLength);
        builder.Property(r => r.CareForms).HasMaxLength(ApplicationReference.MaxShortLength);
        builder.Property(r => r.Scale).HasMaxLength(ApplicationReference.MaxShortLength);
        builder.Property(r => r.Description).HasMaxLength(ApplicationReference.MaxTextLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelectionRequirement>().WithMany().HasForeignKey(r => r.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ApplicationId);
    }
}

public sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.HasKey(a => new { a.ApplicationId, a.Condition });
        builder.Property(a => a.Condition).HasMaxLength(40);
        builder.Property(a => a.Explanation).HasMaxLength(ApplicationAnswer.MaxExplanationLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
