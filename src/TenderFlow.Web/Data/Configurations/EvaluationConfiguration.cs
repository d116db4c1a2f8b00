using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Data.Configurations;

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Explanation).HasMaxLength(ConflictDeclaration.MaxTextLength);
        builder.Property(d => d.ResolutionReason).HasMaxLength(ConflictDeclaration.MaxTextLength);
        builder.Property(d => d.Resolution).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(d => d.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        // A declaration is signed once per evaluator and tender; only its resolution changes afterwards.
        builder.HasIndex(d => new { d.TenderId, d.EvaluatorUserId }).IsUnique();
        builder.Ignore(d => d.Blocks);
    }
}

public sealed class KnockoutJudgementConfiguration : IEntityTypeConfiguration<KnockoutJudgement>
{
    public void Configure(EntityTypeBuilder<KnockoutJudgement> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Motivation).HasMaxLength(KnockoutJudgement.MaxMotivationLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(j => j.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelectionRequirement>().WithMany().HasForeignKey(j => j.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(j => j.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.ApplicationId, j.RequirementId, j.EvaluatorUserId, j.IsSettlement }).IsUnique();
        builder.HasIndex(j => j.TenderId);
    }
}

public sealed class IndividualScoreConfiguration : IEntityTypeConfiguration<IndividualScore>
{
    public void Configure(EntityTypeBuilder<IndividualScore> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Motivation).HasMaxLength(IndividualScore.MaxMotivationLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelectionCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(s => s.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.CriterionId, s.EvaluatorUserId }).IsUnique();
        builder.HasIndex(s => s.TenderId);
    }
}

public sealed class ConsensusScoreConfiguration : IEntityTypeConfiguration<ConsensusScore>
{
    public void Configure(EntityTypeBuilder<ConsensusScore> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Motivation).HasMaxLength(ConsensusScore.MaxMotivationLength);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelectionCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(s => s.ChairUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.CriterionId }).IsUnique();
        builder.HasIndex(s => s.TenderId);
    }
}

public sealed class CandidateSelectionConfiguration : IEntityTypeConfiguration<CandidateSelection>
{
    public void Configure(EntityTypeBuilder<CandidateSelection> builder)
    {
        builder.HasKey(s => s.TenderId);
        builder.Property(s => s.Reason).HasMaxLength(CandidateSelection.MaxReasonLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderFlowUser>().WithMany().HasForeignKey(s => s.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SelectionLetterConfiguration : IEntityTypeConfiguration<SelectionLetter>
{
    public void Configure(EntityTypeBuilder<SelectionLetter> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentRecord>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.TenderId, l.ApplicationId });
    }
}
