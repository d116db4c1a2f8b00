using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// The production application started as <c>dotnet run</c> starts it: every hosted service runs in order (the
/// <see cref="DatabaseInitialiser"/>, then the deadline job host with its reconciliation and Hangfire server on
/// <c>&lt;data&gt;/hangfire.db</c>), on the real clock. Kestrel listens on a free loopback port nobody calls.
/// </summary>
public sealed class ServingTenderFlowHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServingTenderFlowHost(WebApplication app) => _app = app;

    public static async Task<ServingTenderFlowHost> StartAsync(string dataDirectory, DeadlineSettings settings, bool jobServer = true)
    {
        var app = TenderFlowApp.Build([
            "--data", dataDirectory,
            "--urls", "http://127.0.0.1:0",
            "--Workflows:Directory", RepositoryPaths.Workflows,
            "--Demo:Enabled", "false",
            "--Jobs:Server", jobServer ? "true" : "false",
            "--Jobs:Workers", settings.Workers.ToString(CultureInfo.InvariantCulture),
            "--Jobs:PollingSeconds", settings.PollingSeconds.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Error",
        ]);
        // The start-up banner (where it listens, how to sign in) is for an operator, not a figure of the report.
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await app.StartAsync();
        }
        finally
        {
            Console.SetOut(console);
        }
        return new ServingTenderFlowHost(app);
    }

    public IServiceProvider Services => _app.Services;

    public string ConnectionString => _app.Services.GetRequiredService<DataDirectory>().ConnectionString;

    public JobStorage JobStorage => _app.Services.GetRequiredService<JobStorage>();

    /// <summary>A Procurement officer, so the deadline notifications have a recipient; returned as the actor who creates tenders.</summary>
    public async Task<Actor> CreateProcurementOfficerAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
        var user = new TenderFlowUser
        {
            UserName = "m.devries", Email = "m.devries@utrecht.example", DisplayName = "Marieke de Vries (inkoop, benchmark)",
        };
        var created = await users.CreateAsync(user);
        var role = created.Succeeded ? await users.AddToRoleAsync(user, Roles.Procurement) : created;
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("Creating the Procurement user failed: " + string.Join("; ", role.Errors.Select(e => e.Description)));
        }
        return new Actor(user.Id, user.DisplayName, new HashSet<string>(StringComparer.Ordinal) { Roles.Procurement });
    }

    /// <summary>Creates sas-dialogue tenders through <see cref="TenderSteps.CreateAsync"/>, one DI scope per batch as the API would per request.</summary>
    public async Task CreateTendersAsync(IReadOnlyList<NewTender> tenders, Actor actor)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var steps = scope.ServiceProvider.GetRequiredService<TenderSteps>();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        foreach (var tender in tenders)
        {
            var (created, violation) = await steps.CreateAsync("sas-dialogue", null, tender.Reference, tender.Title,
                new Dictionary<string, DateTimeOffset> { ["publication"] = tender.PublicationDue }, actor, CancellationToken.None);
            if (created is null)
            {
                throw new InvalidOperationException($"Creating {tender.Reference} was refused ({violation?.Rule}): {violation?.Message.En}");
            }
            // A request's context would be thrown away here; the batch's context must not drag every earlier tender along.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<T> QueryAsync<T>(Func<TenderFlowDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.StopAsync(stopping.Token);
        }
        await _app.DisposeAsync();
    }
}

public sealed record NewTender(string Reference, string Title, DateTimeOffset PublicationDue);

/// <summary>What the deadline benchmark measures and with which job server configuration (Jobs:Workers, Jobs:PollingSeconds).</summary>
public sealed record DeadlineSettings(int Count, int WindowSeconds, int Workers, double PollingSeconds, bool TwoServers);
