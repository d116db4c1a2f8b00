using TenderFlow.Domain.Workflow.Guards;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>
/// Stands in for <c>assessment.qualitySufficient</c>, whose facts Features/Assessment supplies (a stub answering
/// "not assessed" in this branch): the award tests start where a sufficient assessment leaves the tender.
/// </summary>
public sealed class AssessedQualityStandIn : IGuard
{
    public string Name => "assessment.qualitySufficient";
    public GuardArgument Argument => GuardArgument.None;

    public Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken) =>
        Task.FromResult(GuardOutcome.Yes("Kwaliteit voldoende (testinvulling).", "Quality sufficient (test stand-in)."));

    public static TenderFlowFactory Factory() => new(registry: new BehaviourRegistry(
        [.. BehaviourRegistry.BuiltInGuards.Where(g => g.Name != "assessment.qualitySufficient"), new AssessedQualityStandIn()],
        BehaviourRegistry.BuiltInActions));
}
