using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Data.Configurations;

public sealed class ConsultationSessionConfiguration : IEntityTypeConfiguration<ConsultationSession>
{
    public void Configure(EntityTypeBuilder<ConsultationSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(SessionSchedule.MaxTitleLength);
        builder.Property(s => s.Topic).HasMaxLength(SessionSchedule.MaxTopicLength);
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Location).HasMaxLength(SessionSchedule.MaxLocationLength);
        builder.Property(s => s.OnlineUrl).HasMaxLength(SessionSchedule.MaxUrlLength);
        builder.HasOne<Tender>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.TenderId, s.StartsAtUtc });
        builder.Ignore(s => s.IsCancelled);
        builder.Ignore(s => s.ReportOwner);
    }
}

public sealed class SessionRegistrationConfiguration : IEntityTypeConfiguration<SessionRegistration>
{
    public void Configure(EntityTypeBuilder<SessionRegistration> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450);
        builder.Property(r => r.CancelledByUserId).HasMaxLength(450);
        builder.HasOne<ConsultationSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(r => r.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // First come, first served needs an unambiguous order within a session.
        builder.HasIndex(r => new { r.SessionId, r.QueueNumber }).IsUnique();
        builder.Ignore(r => r.IsActive);
    }
}

public sealed class SessionAttendeeConfiguration : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(SessionSchedule.MaxNameLength);
        builder.Property(a => a.Email).HasMaxLength(SessionSchedule.MaxEmailLength);
        builder.Property(a => a.Function).HasMaxLength(SessionSchedule.MaxNameLength);
    }
}
