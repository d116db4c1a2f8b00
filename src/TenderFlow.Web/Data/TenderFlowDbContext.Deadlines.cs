using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Deadlines;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<DeadlineJob> DeadlineJobs => Set<DeadlineJob>();
    public DbSet<TenderIncident> TenderIncidents => Set<TenderIncident>();
}
