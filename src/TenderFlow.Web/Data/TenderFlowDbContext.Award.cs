using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Award;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<AwardDecision> AwardDecisions => Set<AwardDecision>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<ContractRecord> ContractRecords => Set<ContractRecord>();
    public DbSet<ExtensionDecision> ExtensionDecisions => Set<ExtensionDecision>();
}
