using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Runtime;

/// <summary>For one trigger from the current phase: may this actor fire it now, and if not, why not.</summary>
public sealed record TriggerAvailability(TriggerDefinition Trigger, bool RoleAllowed, IReadOnlyList<UnmetGuard> UnmetGuards)
{
    public bool Permitted => RoleAllowed && UnmetGuards.Count == 0;
}

/// <summary>A step that happened: the phase change and what to write in the audit trail.</summary>
public sealed record StepOutcome(string Trigger, string FromPhase, string ToPhase, string ActingRole, IReadOnlyList<Audit.AuditRecord> Records);

public sealed record StepResult(StepOutcome? Outcome, RuleViolation? Violation)
{
    public static StepResult Done(StepOutcome outcome) => new(outcome, null);
    public static StepResult Refused(RuleViolation violation) => new(null, violation);
}
