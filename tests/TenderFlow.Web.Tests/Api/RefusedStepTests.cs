using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

/// <summary>A step refused after it was saved in its transaction (a follow-up said no) leaves nothing behind in the request either.</summary>
public sealed class RefusedStepTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { ExtraServices = services => services.AddScoped<IStepFollowUp>(_ => new RefusingFollowUp("publish")) };

    private static readonly Actor Officer = new("user:test-procurement", "Inkoper", new HashSet<string> { Domain.Workflow.Roles.Procurement });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_rest_of_the_request_sees_the_tender_as_stored_and_can_still_append_to_the_audit_trail()
    {
        var tender = Guid.Parse((await _app.Procurement().CreateTenderAsync(deadlines: new { publication = _app.PublicationSoon(), applicationsClose = "2027-06-01T10:00:00Z" })).Id());
        _app.PassPublication();
        using var scope = _app.Services.CreateScope();
        var steps = scope.ServiceProvider.GetRequiredService<TenderSteps>();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();

        var report = await steps.FireAsync(tender, "publish", null, null, Officer, CancellationToken.None);

        Assert.Equal("LetterPrinterOnFireRule", report.Violation?.Rule);
        // As a page does when it shows the refusal: read the tender and record a read in the trail, in the same scope.
        Assert.Equal("consultation", (await db.Tenders.SingleAsync(t => t.Id == tender)).Phase);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().AppendAsync(db, "reader", "Procurement", tender,
            [new AuditRecord("tender.read", $"tender/{tender}", new { })], CancellationToken.None);
        await db.SaveChangesAsync();
        Assert.Equal("consultation", _app.Phase(tender));
        Assert.Empty(_app.Events(tender, "tender.trigger.fired"));
    }
}
