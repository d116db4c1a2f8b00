using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TenderFlow.Web.Data;

/// <summary>Lets dotnet-ef build the context without starting the host (Program also serves CLI verbs).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TenderFlowDbContext>
{
    public TenderFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TenderFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
