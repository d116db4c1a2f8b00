using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Procedure;

/// <summary>The demo tender from market consultation to a started contract (see <see cref="DemoProcedure"/>), with a sound trail.</summary>
public sealed class CompleteProcedureTests : IDisposable
{
    private readonly DemoProcedure _procedure = new();

    [Fact]
    public async Task The_demo_procedure_runs_from_consultation_to_the_contract()
    {
        var visited = new List<string>();
        await _procedure.RunAsync(async phase =>
        {
            Assert.Equal(phase, await _procedure.PhaseAsync());
            visited.Add(phase);
        });

        Assert.Equal(DemoProcedure.Phases, visited);
        var verification = await _procedure.Client("jurist").GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verification["status"]!.GetValue<string>());
        Assert.Equal(
            ["publish", "closeApplications", "announceSelection", "startDialogue", "concludeDialogue", "openSubmission", "closeSubmission", "announceAward", "finalAward", "startContract"],
            _procedure.FiredTriggers);
    }

    public void Dispose() => _procedure.Dispose();
}
