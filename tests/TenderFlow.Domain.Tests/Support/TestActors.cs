using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Support;

public static class TestActors
{
    public static Actor WithRole(string role) => new($"test:{role.ToLowerInvariant()}", $"Test {role}", new HashSet<string> { role });

    public static Actor Procurement { get; } = WithRole(Roles.Procurement);
    public static Actor Bidder { get; } = WithRole(Roles.Bidder);
}
