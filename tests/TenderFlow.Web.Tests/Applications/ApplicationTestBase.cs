using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>One app and one <see cref="SelectionScenario"/> per test.</summary>
public abstract class ApplicationTestBase : IAsyncLifetime
{
    protected TenderFlowFactory App { get; }
    protected SelectionScenario S { get; }

    protected ApplicationTestBase(TenderFlowFactory? app = null)
    {
        App = app ?? new TenderFlowFactory();
        S = new SelectionScenario(App);
    }

    public Task InitializeAsync() => S.InitialiseAsync();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
