using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(o => o.KvkNumber).HasMaxLength(8);
        builder.HasIndex(o => o.KvkNumber).IsUnique();
        builder.Property(o => o.Address).HasMaxLength(Organisation.MaxAddressLength);
        builder.Property(o => o.PostalCode).HasMaxLength(7);
        builder.Property(o => o.City).HasMaxLength(Organisation.MaxCityLength);
    }
}

public sealed class TenderFlowUserConfiguration : IEntityTypeConfiguration<TenderFlowUser>
{
    public void Configure(EntityTypeBuilder<TenderFlowUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TenderFlowUser.MaxDisplayNameLength);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(2);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TenderParticipantConfiguration : IEntityTypeConfiguration<TenderParticipant>
{
    public void Configure(EntityTypeBuilder<TenderParticipant> builder)
    {
        builder.HasKey(p => new { p.TenderId, p.OrganisationId });
        builder.HasOne<Tender>().WithMany().HasForeignKey(p => p.TenderId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluatorAssignmentConfiguration : IEntityTypeConfiguration<EvaluatorAssignment>
{
    public void Configure(EntityTypeBuilder<EvaluatorAssignment> builder)
    {
        builder.HasKey(a => new { a.TenderId, a.UserId });
        builder.HasOne<Tender>().WithMany().HasForeignKey(a => a.TenderId);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(a => a.UserId);
    }
}
