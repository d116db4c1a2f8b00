namespace TenderFlow.Web.Tests.Consultation;

/// <summary>A test class whose every test starts from a fresh <see cref="ConsultationScenario"/> (its own app and tender).</summary>
public abstract class ConsultationScenarioTests : IAsyncLifetime
{
    protected ConsultationScenario S { get; private set; } = null!;

    public async Task InitializeAsync() => S = await ConsultationScenario.StartAsync();

    public Task DisposeAsync()
    {
        S.Dispose();
        return Task.CompletedTask;
    }
}
