using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Questions;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class PublicationDocumentConfiguration : IEntityTypeConfiguration<PublicationDocument>
{
    public void Configure(EntityTypeBuilder<PublicationDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(80);
        builder.Property(d => d.Title).HasMaxLength(PublicationDocument.MaxTitleLength);
        builder.Property(d => d.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TenderId, d.Kind });
        builder.Ignore(d => d.Owner);
    }
}

public sealed class GuidelinePublicationConfiguration : IEntityTypeConfiguration<GuidelinePublication>
{
    public void Configure(EntityTypeBuilder<GuidelinePublication> builder)
    {
        builder.HasKey(g => g.TenderId);
        builder.Property(g => g.PublishedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(g => g.TenderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.AskedByUserId).HasMaxLength(450);
        builder.Property(q => q.OriginalText).HasMaxLength(Question.MaxTextLength);
        builder.Property(q => q.SectionReference).HasMaxLength(Question.MaxSectionLength);
        builder.Property(q => q.PublishedText).HasMaxLength(Question.MaxTextLength);
        builder.Property(q => q.Answer).HasMaxLength(Question.MaxAnswerLength);
        builder.Property(q => q.AnsweredByUserId).HasMaxLength(450);
        builder.Property(q => q.PublishedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(q => q.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InformationNote>().WithMany().HasForeignKey(q => q.InformationNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.TenderId, q.OrganisationId });
        // A question appears once in one note, under one number.
        builder.HasIndex(q => new { q.InformationNoteId, q.NumberInNote }).IsUnique();
        builder.Ignore(q => q.Status);
    }
}

public sealed class InformationNoteConfiguration : IEntityTypeConfiguration<InformationNote>
{
    public void Configure(EntityTypeBuilder<InformationNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.PublishedByUserId).HasMaxLength(450);
        builder.HasOne<Tender>().WithMany().HasForeignKey(n => n.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentRecord>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Restrict);
        // Gap-free numbering: the next number is counted inside the transaction; this index refuses a duplicate.
        builder.HasIndex(n => new { n.TenderId, n.Number }).IsUnique();
        builder.Ignore(n => n.Owner);
    }
}
