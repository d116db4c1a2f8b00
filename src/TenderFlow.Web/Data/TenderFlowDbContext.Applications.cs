using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<ApplicationReference> ApplicationReferences => Set<ApplicationReference>();
    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();
}
