using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// The production application (<see cref="TenderFlowApp.Build"/>, same registrations, same connection string)
/// without Kestrel: only the <see cref="DatabaseInitialiser"/> runs, which switches the file to WAL and migrates it.
/// Steps are built from the app's own scoped services; only the clock is the benchmark's.
/// </summary>
public sealed class TenderFlowHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly AuditTrail _audit;

    private TenderFlowHost(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        _audit = new AuditTrail(clock);
    }

    public static async Task<TenderFlowHost> StartAsync(string dataDirectory, TimeProvider clock)
    {
        var app = TenderFlowApp.Build([
            "--data", dataDirectory,
            "--Workflows:Directory", RepositoryPaths.Workflows,
            // An empty database: no demo users, tenders or audit events (the same as the --no-demo switch).
            "--Demo:Enabled", "false",
            // EF Core stays at Warning as in the shipped appsettings.json; the start-up information line is not a figure.
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning",
            // ...except the one-off MultipleCollectionIncludeWarning for the tender query (noted in the report, not a figure).
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Error",
        ]);
        var initialiser = ActivatorUtilities.CreateInstance<DatabaseInitialiser>(app.Services);
        await initialiser.StartAsync(CancellationToken.None);
        return new TenderFlowHost(app, clock);
    }

    /// <summary>The procurement officer who creates and moves the benchmark's tenders (no user row: steps only need the actor).</summary>
    public static readonly Actor Officer = new("user:bench-procurement", "Benchmark procurement officer",
        new HashSet<string>(StringComparer.Ordinal) { Roles.Procurement });

    public IServiceProvider Services => _app.Services;

    /// <summary>A tender created through <see cref="TenderSteps.CreateAsync"/> by <see cref="Officer"/>, in its own scope; a refusal stops the run.</summary>
    public async Task<Tender> CreateTenderAsync(string definitionId, string reference, string title)
    {
        await using var scope = Services.CreateAsyncScope();
        var (tender, violation) = await Steps(scope).CreateAsync(definitionId, null, reference, title, null, Officer, CancellationToken.None);
        return tender ?? throw new InvalidOperationException($"Creating {reference} was refused: {violation?.Message.En}");
    }

    public string ConnectionString => _app.Services.GetRequiredService<DataDirectory>().ConnectionString;

    public string DatabaseFile => _app.Services.GetRequiredService<DataDirectory>().DatabaseFile;

    /// <summary>
    /// What the container would hand a request (every dependency resolved from the request scope), except that the
    /// clock, and the audit trail and deadline schedule that read it, are the benchmark's.
    /// </summary>
    public TenderSteps Steps(AsyncServiceScope scope) => Steps(scope, Schedule(scope));

    /// <summary>
    /// The deadline job runner as the app's job server builds it, on the benchmark's clock: it and the steps it fires share
    /// one deadline schedule, as they share the scoped one in the container.
    /// </summary>
    public DeadlineJobRunner Runner(AsyncServiceScope scope)
    {
        var schedule = Schedule(scope);
        return RunnerFactory(scope.ServiceProvider, [Steps(scope, schedule), schedule, _clock, _audit]);
    }

    private DeadlineSchedule Schedule(AsyncServiceScope scope) => ScheduleFactory(scope.ServiceProvider, [_clock]);

    private TenderSteps Steps(AsyncServiceScope scope, DeadlineSchedule schedule) =>
        StepsFactory(scope.ServiceProvider, [_clock, _audit, schedule]);

    // Built once, as the container builds its own: constructor lookup by reflection on every step is benchmark overhead
    // the application does not have.
    private static readonly ObjectFactory<DeadlineSchedule> ScheduleFactory =
        ActivatorUtilities.CreateFactory<DeadlineSchedule>([typeof(TimeProvider)]);

    private static readonly ObjectFactory<TenderSteps> StepsFactory =
        ActivatorUtilities.CreateFactory<TenderSteps>([typeof(TimeProvider), typeof(AuditTrail), typeof(DeadlineSchedule)]);

    private static readonly ObjectFactory<DeadlineJobRunner> RunnerFactory =
        ActivatorUtilities.CreateFactory<DeadlineJobRunner>([typeof(TenderSteps), typeof(DeadlineSchedule), typeof(TimeProvider), typeof(AuditTrail)]);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
