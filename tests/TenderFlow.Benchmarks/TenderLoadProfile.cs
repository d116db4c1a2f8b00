using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Actions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// The load that opens every step (<see cref="TenderSteps.TenderForStep"/>, split as every query of the app) on the customer's
/// own procedure: a sas-dialogue tender from its dialogue on carries 9 deadlines and 11 themes. Next to it the same load as one
/// statement, in which every deadline row repeats per theme. The engine benchmark's open-house tenders have no themes, so its figures do not show this.
/// </summary>
public static class TenderLoadProfile
{
    private const int Loads = 2_000;
    private const int Rounds = 3;

    private static readonly Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> InOneStatement =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid id, CancellationToken _) => context.Tenders.AsSingleQuery().SingleOrDefault(t => t.Id == id));

    /// <summary>
    /// The query of a page's or the API's read (<see cref="TenderSteps.LoadAsync"/>, and the panels of the tender page that load
    /// the tender themselves): untracked, no transaction. Compiled here like the others, so that only the splitting differs.
    /// </summary>
    private static readonly Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> ForPage =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid id, CancellationToken _) => context.Tenders.AsNoTracking().SingleOrDefault(t => t.Id == id));

    private static readonly Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> ForPageInOneStatement =
        EF.CompileAsyncQuery((TenderFlowDbContext context, Guid id, CancellationToken _) => context.Tenders.AsNoTracking().AsSingleQuery().SingleOrDefault(t => t.Id == id));

    public static async Task RunAsync(TenderFlowHost host, Report report)
    {
        var dialogue = await CreateTenderAsync(host, "sas-dialogue", openThemes: true);
        var openHouse = await CreateTenderAsync(host, "open-house", openThemes: false);
        await MeasureAsync(host, report, dialogue, "sas-dialogue tender with 9 deadlines and 11 themes", 9, 11);
        await MeasureAsync(host, report, openHouse, "open-house tender with 3 deadlines, no themes", 3, 0);
    }

    private static async Task MeasureAsync(TenderFlowHost host, Report report, Guid tenderId, string shape, int deadlines, int themes)
    {
        await CompareAsync(host, report, tenderId, $"tender load for a step, {shape}", TenderSteps.TenderForStep, InOneStatement, inTransaction: true, deadlines, themes);
        await CompareAsync(host, report, tenderId, $"tender read for a page, {shape}", ForPage, ForPageInOneStatement, inTransaction: false, deadlines, themes);
    }

    private static async Task CompareAsync(TenderFlowHost host, Report report, Guid tenderId, string what, Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> split,
        Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> single, bool inTransaction, int deadlines, int themes)
    {
        var splitTime = TimeSpan.MaxValue;
        var singleTime = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            splitTime = Min(splitTime, await TimeLoadsAsync(host, tenderId, split, inTransaction, deadlines, themes));
            singleTime = Min(singleTime, await TimeLoadsAsync(host, tenderId, single, inTransaction, deadlines, themes));
        }
        report.Line($"{what} (best of 3 × 2,000)",
            $"{PerLoad(splitTime)} ms split (as the app loads it), {PerLoad(singleTime)} ms in one statement ({deadlines} × {Math.Max(themes, 1)} rows)");
    }

    /// <summary>
    /// A tender of the definition; with <paramref name="openThemes"/> it gets the themes its dialogue entry action opens. The
    /// action is run directly: walking a sas-dialogue tender there would need bidders, applications and a selection decision.
    /// </summary>
    private static async Task<Guid> CreateTenderAsync(TenderFlowHost host, string definitionId, bool openThemes)
    {
        var created = await host.CreateTenderAsync(definitionId, $"BENCH-LOAD-{definitionId}", "Specialistische Wmo-ondersteuning (benchmark)");
        if (!openThemes)
        {
            return created.Id;
        }
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync(t => t.Id == created.Id);
        var definition = await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().ForHashAsync(db, tender.DefinitionHash, CancellationToken.None);
        await new OpenDialogueThemesAction().ExecuteAsync(new ActionContext(tender, definition, TenderFlowHost.Officer, DateTime.UtcNow), CancellationToken.None);
        await db.SaveChangesAsync();
        return tender.Id;
    }

    /// <summary>Each load in its own scope, as a request has it; a step's also in its own transaction.</summary>
    private static async Task<TimeSpan> TimeLoadsAsync(TenderFlowHost host, Guid tenderId, Func<TenderFlowDbContext, Guid, CancellationToken, Task<Tender?>> load,
        bool inTransaction, int deadlines, int themes)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Loads; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
            await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync() : null;
            var tender = await load(db, tenderId, CancellationToken.None);
            if (tender is null || tender.Deadlines.Count != deadlines || tender.Themes.Count != themes)
            {
                throw new InvalidOperationException($"The tender did not load with its {deadlines} deadlines and {themes} themes.");
            }
        }
        return stopwatch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string PerLoad(TimeSpan time) => (time.TotalMilliseconds / Loads).ToString("N3", Report.Culture);
}
