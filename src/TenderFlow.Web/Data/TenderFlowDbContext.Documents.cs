using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Sealing;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<VaultOpening> VaultOpenings => Set<VaultOpening>();
    public DbSet<Notification> Notifications => Set<Notification>();
}
