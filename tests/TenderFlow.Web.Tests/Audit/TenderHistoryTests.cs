using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Audit;

public sealed class TenderHistoryTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task Each_event_carries_the_phase_it_happened_in_and_its_actor()
    {
        var procurement = _app.Procurement();
        var tender = Guid.Parse((await procurement.CreateTenderAsync()).Id());
        (await procurement.FireAsync(tender.ToString(), "cancel", "Budget ingetrokken door de raad.")).EnsureSuccessStatusCode();

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var row = await db.Tenders.SingleAsync(t => t.Id == tender);
        var definition = await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().ForHashAsync(db, row.DefinitionHash, CancellationToken.None);
        var history = await scope.ServiceProvider.GetRequiredService<TenderHistory>().LoadAsync(row, definition, CancellationToken.None);

        var step = history.Single(h => h.Event.Action == TenderHistory.StepAction);
        Assert.Equal("consultation", step.Phase);
        Assert.All(history.Where(h => h.Event.Sequence < step.Event.Sequence), h => Assert.Equal("consultation", h.Phase));
        Assert.All(history.Where(h => h.Event.Sequence > step.Event.Sequence), h => Assert.Equal("cancelled", h.Phase));
        Assert.Equal(history.Select(h => h.Event.Sequence).Order(), history.Select(h => h.Event.Sequence));
        var buyer = await db.Users.SingleAsync(u => u.Id == step.Event.ActorId);
        Assert.Equal(buyer.DisplayName, step.ActorName);
    }

    public void Dispose() => _app.Dispose();
}
