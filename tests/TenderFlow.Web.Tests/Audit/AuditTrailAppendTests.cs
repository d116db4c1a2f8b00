using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Audit;

public sealed class AuditTrailAppendTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task Two_appends_in_one_unit_of_work_chain_onto_each_other()
    {
        _ = _app.Services;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await trail.AppendAsync(db, "user:a", "Procurement", null, [new AuditRecord("test.first", "x/1", new { n = 1 })], default);
            await trail.AppendAsync(db, "user:a", "Procurement", null, [new AuditRecord("test.second", "x/2", new { n = 2 })], default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var first = events.Single(e => e.Action == "test.first");
        var second = events.Single(e => e.Action == "test.second");
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        var verify = await _app.Legal().GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verify["status"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
