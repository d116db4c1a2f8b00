using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Legal;

/// <summary>The demo procedure run once to its end for all legal workspace tests of a class: a rich trail.</summary>
public sealed class LegalProcedureFixture : IAsyncLifetime
{
    public DemoProcedure Procedure { get; } = new();

    public Task InitializeAsync() => Procedure.RunAsync();

    public Task DisposeAsync()
    {
        Procedure.Dispose();
        return Task.CompletedTask;
    }
}
