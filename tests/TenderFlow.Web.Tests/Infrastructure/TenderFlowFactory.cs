using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>The real app on a temp data directory with a fake clock; users are real Identity accounts.</summary>
public sealed class TenderFlowFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsData;

    public TenderFlowFactory(string? dataDirectory = null, string? workflowsDirectory = null, BehaviourRegistry? registry = null)
    {
        _ownsData = dataDirectory is null;
        Data = dataDirectory ?? new TempDirectory().Path;
        WorkflowsDirectory = workflowsDirectory ?? RepositoryPaths.Workflows;
        Registry = registry;
    }

    public string Data { get; }

    /// <summary>Seed the demo on start (off by default so tests start from an empty database).</summary>
    public bool Demo { get; init; }
    public string WorkflowsDirectory { get; }

    /// <summary>
    /// Run a real Hangfire server on SQLite storage in the data directory (real-clock tests only). Otherwise jobs land in an
    /// in-memory storage that nothing processes, and tests run due deadline jobs on the fake clock with <see cref="RunDueDeadlineJobsAsync"/>.
    /// </summary>
    public bool RealJobs { get; init; }

    /// <summary>Extra services for the test (registered last, so they win).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Extra configuration, e.g. <c>["Documents:MaxUploadMegabytes"] = "1"</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
    public BehaviourRegistry? Registry { get; }
    public FakeTimeProvider Clock { get; } = new(Start);

    public string ConnectionString => $"Data Source={Path.Combine(Data, "tenderflow.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("data", Data);
        builder.UseSetting("Workflows:Directory", WorkflowsDirectory);
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Jobs:Server", RealJobs ? "true" : "false");
        // Tests deliver mail by calling MailOutbox.DeliverPendingAsync themselves.
        builder.UseSetting("Mail:Dispatcher", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            if (!RealJobs)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.RemoveAll<Hangfire.JobStorage>();
                // Made by the container, so the host disposes it and its dispatcher thread ends with the test.
                services.AddSingleton<Hangfire.JobStorage>(_ => new Hangfire.InMemory.InMemoryStorage());
            }
            // PBKDF2's production cost (100,000 rounds) only slows the suite: tests create and sign in hundreds of users.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            ExtraServices?.Invoke(services);
            if (Registry is not null)
            {
                services.RemoveAll<BehaviourRegistry>();
                services.AddSingleton(Registry);
            }
        });
    }

    /// <summary>What the Hangfire server would do at the fake clock's current time: run every deadline job that is due, oldest first.</summary>
    public async Task<int> RunDueDeadlineJobsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenderFlow.Web.Features.Deadlines.DeadlineJobRunner>().RunOverdueAsync(CancellationToken.None);
    }

    public TestUsers Users => _users ??= new TestUsers(this);

    private TestUsers? _users;

    /// <summary>A client signed in (bearer token from /api/auth/login) as a real user with these roles.</summary>
    public HttpClient ClientAs(string user, params string[] roles) => Users.ClientAsync(user, null, roles).GetAwaiter().GetResult();

    public HttpClient Procurement() => ClientAs("anna.inkoper", "Procurement");
    public HttpClient Legal() => ClientAs("lea.jurist", "Legal");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData)
        {
            SqlitePools.Clear(Data);
            try
            {
                Directory.Delete(Data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
