using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Consultation;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<ConsultationSession> ConsultationSessions => Set<ConsultationSession>();
    public DbSet<SessionRegistration> SessionRegistrations => Set<SessionRegistration>();
    public DbSet<SessionAttendee> SessionAttendees => Set<SessionAttendee>();
}
