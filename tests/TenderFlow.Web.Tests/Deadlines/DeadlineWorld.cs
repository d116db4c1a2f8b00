using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines;

/// <summary>Database reads and a tender in publication for the deadline job tests.</summary>
public static class DeadlineWorld
{
    /// <summary>A sas-dialogue tender created and published at the fake clock's start: questions close in 2 days, the Q&A follows a week later, applications close in 10 days.</summary>
    public static async Task<Guid> PublishedTenderAsync(TenderFlowFactory app)
    {
        var start = app.Clock.GetUtcNow();
        var procurement = app.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = app.PublicationSoon(),
            ["questionsClose"] = start.AddDays(2),
            ["applicationsClose"] = start.AddDays(10),
        });
        app.PassPublication();
        var published = await procurement.FireAsync(tender.Id(), "publish");
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return Guid.Parse(tender.Id());
    }

    public static T Db<T>(this TenderFlowFactory app, Func<TenderFlowDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }

    public static List<AuditEvent> Events(this TenderFlowFactory app, Guid tenderId, string action) =>
        app.Db(db => db.AuditEvents.AsNoTracking().Where(e => e.TenderId == tenderId && e.Action == action).OrderBy(e => e.Sequence).ToList());

    public static JsonObject Payload(this AuditEvent e) => JsonNode.Parse(e.PayloadJson)!.AsObject();

    /// <summary>The deadline's jobs that ran (only those are stored).</summary>
    public static List<DeadlineJob> Jobs(this TenderFlowFactory app, Guid tenderId, string deadline) =>
        app.Db(db => db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == tenderId && j.DeadlineKey == deadline).ToList());

    /// <summary>The deadline's jobs that are planned and have not run, as the tender page and the API show them.</summary>
    public static List<PlannedDeadlineJob> Planned(this TenderFlowFactory app, Guid tenderId, string deadline)
    {
        using var scope = app.Services.CreateScope();
        var (tender, definition) = scope.ServiceProvider.GetRequiredService<TenderSteps>().LoadAsync(tenderId, CancellationToken.None).GetAwaiter().GetResult()!.Value;
        return scope.ServiceProvider.GetRequiredService<DeadlineSchedule>().WaitingAsync(tender, definition, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None)
            .GetAwaiter().GetResult().Where(j => j.DeadlineKey == deadline).ToList();
    }

    public static Tender Tender(this TenderFlowFactory app, Guid tenderId) => app.Db(db => db.Tenders.AsNoTracking().Single(t => t.Id == tenderId));

    public static string Phase(this TenderFlowFactory app, Guid tenderId) => app.Db(db => db.Tenders.AsNoTracking().Single(t => t.Id == tenderId).Phase);
}
