using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Decisions;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Decisions;

/// <summary>
/// The demo procedure run once for the decision tests, with one deadline change made on the way: in the implementation
/// phase Procurement moves the contract start a week later, with <see cref="DeadlineReason"/>.
/// </summary>
public sealed class DecisionsProcedureFixture : IAsyncLifetime
{
    public const string DeadlineReason = "De gemeenteraad beslist een week later over de ingangsdatum (termijnreden-7f3a).";

    public DemoProcedure Procedure { get; } = new();

    public async Task InitializeAsync() => await Procedure.RunAsync(async phase =>
    {
        if (phase == "implementation")
        {
            var later = (await Procedure.DeadlineAsync("contractStart")).AddDays(7);
            var changed = await Procedure.Client("inkoper").PutAsJsonAsync($"{Procedure.Api}/deadlines/contractStart",
                new { dueAt = later.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'"), reason = DeadlineReason });
            Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        }
    });

    public Task DisposeAsync()
    {
        Procedure.Dispose();
        return Task.CompletedTask;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, TenderFlowDbContext, Tender, Task<T>> work)
    {
        using var scope = Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == Procedure.TenderId);
        return await work(scope.ServiceProvider, db, tender);
    }

    public Task<TenderDecisions> DecisionsAsync() => InScopeAsync((services, _, tender) => services.GetRequiredService<DecisionDossiers>().BuildAsync(tender, CancellationToken.None));

    /// <summary>The text of a decision's record as the PDF shows it (the PDF itself stores glyph ids).</summary>
    public async Task<string> RecordTextAsync(string key, string language = "nl")
    {
        var decisions = await DecisionsAsync();
        return DecisionRecords.Decision(decisions, decisions.Find(key)!, language).PlainText();
    }

    public Task<string> ProcedureReportTextAsync(string language = "nl") => InScopeAsync(async (services, db, tender) =>
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
        return (await services.GetRequiredService<ProcedureReports>().BuildAsync(tender, head, language, CancellationToken.None)).PlainText();
    });
}
