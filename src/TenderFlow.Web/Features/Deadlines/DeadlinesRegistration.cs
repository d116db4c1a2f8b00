using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Deadlines;

public static class DeadlinesRegistration
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Register after the database initialiser: hosted services start in order, and reconciliation needs the migrated database.</summary>
    public static void AddDeadlines(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection("Jobs"));
        // Every Hangfire object is built from these instances, never from Hangfire's process-wide globals, so two hosts
        // in one process (tests, the benchmark) each keep their own storage.
        services.AddSingleton<JobStorage>(sp =>
        {
            var data = sp.GetRequiredService<DataDirectory>();
            data.EnsureExists();
            return new SQLiteStorage(Path.Combine(data.Path, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        });
        services.AddSingleton<JobFailureIncidents>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            return new JobFilterCollection
            {
                new AutomaticRetryAttribute
                {
                    Attempts = options.RetryAttempts,
                    DelayInSecondsByAttemptFunc = attempt => options.RetryDelaysSeconds[Math.Min(attempt, options.RetryDelaysSeconds.Length - 1)],
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                },
                sp.GetRequiredService<JobFailureIncidents>(),
            };
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>()));
        services.AddScoped<DeadlineSchedule>();
        services.AddScoped<DeadlineJobRunner>();
        services.AddSingleton<DeadlineRetryPause>();
        services.AddScoped<DeadlineReconciliation>();
        services.AddScoped<Incidents.IncidentResolution>();
        services.AddHostedService<DeadlineJobHost>();
        // Only for the dashboard, which insists on it; every service it would add is already registered above (it adds with TryAdd).
        // Hangfire's log provider is process-wide: bound to one host's logger factory it would outlive that host, so it writes
        // warnings and errors to the console instead.
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings().UseLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Warn)));
    }

    public static void MapDeadlines(WebApplication app)
    {
        Incidents.IncidentEndpoints.Map(app);
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAccess()],
            // Deleting or re-running a job there would change a tender's deadlines without an audit event; deadlines change
            // through the tender's audited API and failed jobs are resolved as incidents.
            IsReadOnlyFunc = _ => true,
            DashboardTitle = "TenderFlow — termijnen en taken",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
    }
}
