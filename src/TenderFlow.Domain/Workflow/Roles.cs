namespace TenderFlow.Domain.Workflow;

/// <summary>The roles a definition may name. <see cref="System"/> is the deadline scheduler, never a person.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Procurement = "Procurement";
    public const string Evaluator = "Evaluator";
    public const string Legal = "Legal";
    public const string Bidder = "Bidder";
    public const string Partner = "Partner";
    public const string System = "System";

    /// <summary>The roles a person can hold (everything except the scheduler).</summary>
    public static readonly IReadOnlyList<string> People = [Admin, Procurement, Evaluator, Legal, Bidder, Partner];

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Admin, Procurement, Evaluator, Legal, Bidder, Partner, System };
}
