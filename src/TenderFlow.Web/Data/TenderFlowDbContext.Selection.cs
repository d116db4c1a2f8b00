using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<SelectionRequirement> SelectionRequirements => Set<SelectionRequirement>();
    public DbSet<SelectionCriterion> SelectionCriteria => Set<SelectionCriterion>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationMember> ApplicationMembers => Set<ApplicationMember>();
}
