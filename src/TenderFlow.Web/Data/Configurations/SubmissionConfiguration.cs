using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Assessment;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data.Configurations;

public sealed class TenderSubmissionConfiguration : IEntityTypeConfiguration<TenderSubmission>
{
    public void Configure(EntityTypeBuilder<TenderSubmission> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.BudgetJson).HasMaxLength(4000);
        builder.Property(s => s.BudgetExplanation).HasMaxLength(TenderSubmission.MaxTextLength);
        builder.Property(s => s.ImplementationPlan).HasMaxLength(TenderSubmission.MaxTextLength);
        builder.Property(s => s.ReadinessExplanation).HasMaxLength(TenderSubmission.MaxTextLength);
        builder.Property(s => s.AnswersSha256).HasMaxLength(64);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasOne<Tender>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        // One tender submission per tender: there is exactly one participant.
        builder.HasIndex(s => s.TenderId).IsUnique();
        builder.Ignore(s => s.Owner);
    }
}

public sealed class QualityJudgementConfiguration : IEntityTypeConfiguration<QualityJudgement>
{
    public void Configure(EntityTypeBuilder<QualityJudgement> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.CriterionKey).HasMaxLength(100);
        builder.Property(j => j.Motivation).HasMaxLength(QualityJudgement.MaxMotivationLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(j => j.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(j => j.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.TenderId, j.CriterionKey, j.EvaluatorUserId }).IsUnique().HasFilter("\"SupersededAtUtc\" IS NULL");
        builder.HasQueryFilter(j => j.SupersededAtUtc == null);
    }
}

public sealed class QualityConsensusConfiguration : IEntityTypeConfiguration<QualityConsensus>
{
    public void Configure(EntityTypeBuilder<QualityConsensus> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CriterionKey).HasMaxLength(100);
        builder.Property(c => c.Motivation).HasMaxLength(QualityJudgement.MaxMotivationLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(c => c.ChairUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenderId, c.CriterionKey }).IsUnique().HasFilter("\"SupersededAtUtc\" IS NULL");
        builder.HasQueryFilter(c => c.SupersededAtUtc == null);
    }
}
