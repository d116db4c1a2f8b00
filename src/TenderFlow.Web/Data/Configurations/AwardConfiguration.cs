using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data.Configurations;

public sealed class AwardDecisionConfiguration : IEntityTypeConfiguration<AwardDecision>
{
    public void Configure(EntityTypeBuilder<AwardDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Reasons).HasMaxLength(AwardDecision.MaxReasonsLength);
        builder.Property(d => d.RevisionReason).HasMaxLength(AwardDecision.MaxReasonsLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(d => d.AnnouncedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.TenderId);
        builder.Ignore(d => d.IsCurrent);
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Grounds).HasMaxLength(Objection.MaxTextLength);
        builder.Property(o => o.ReceivedVia).HasMaxLength(Objection.MaxReceivedViaLength);
        builder.Property(o => o.AdviceReasoning).HasMaxLength(Objection.MaxTextLength);
        builder.Property(o => o.ResolutionReasoning).HasMaxLength(Objection.MaxTextLength);
        builder.Property(o => o.DeviationReason).HasMaxLength(Objection.MaxTextLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(o => o.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(o => o.FiledByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentRecord>().WithMany().HasForeignKey(o => o.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.TenderId, o.Decision });
        builder.Ignore(o => o.IsOpen);
        builder.Ignore(o => o.Blocks);
    }
}

public sealed class ContractRecordConfiguration : IEntityTypeConfiguration<ContractRecord>
{
    public void Configure(EntityTypeBuilder<ContractRecord> builder)
    {
        builder.HasKey(c => c.TenderId);
        builder.Property(c => c.OptionYears).HasMaxLength(100);
        builder.HasOne<Tender>().WithOne().HasForeignKey<ContractRecord>(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.Options);
        builder.Ignore(c => c.TotalTermYears);
    }
}

public sealed class ExtensionDecisionConfiguration : IEntityTypeConfiguration<ExtensionDecision>
{
    public void Configure(EntityTypeBuilder<ExtensionDecision> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(ExtensionDecision.MaxReasonLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(e => e.TenderId).OnDelete(DeleteBehavior.Restrict);
        // One decision per option: a second is a conflict, not a correction.
        builder.HasIndex(e => new { e.TenderId, e.Option }).IsUnique();
    }
}
