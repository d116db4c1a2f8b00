namespace TenderFlow.Domain.Workflow.Runtime;

/// <summary>Who acts: a person with roles (and an organisation, for bidders) or the scheduler.</summary>
public sealed record Actor(string Id, string DisplayName, IReadOnlySet<string> Roles, Guid? OrganisationId = null)
{
    public static readonly Actor Scheduler = new("system:scheduler", "Deadline scheduler", new HashSet<string> { Workflow.Roles.System });

    public string? FirstRoleIn(IEnumerable<string> allowed) => allowed.FirstOrDefault(Roles.Contains);
}
