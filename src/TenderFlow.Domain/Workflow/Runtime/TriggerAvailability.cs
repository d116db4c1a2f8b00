using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Runtime;

/// <summary>For one trigger from the current phase: may this actor fire it now, and if not, why not.</summary>
public sealed record TriggerAvailability(TriggerDefinition Trigger, bool RoleAllowed, IReadOnlyList<UnmetGuard> UnmetGuards)
{
    public bool Permitted => RoleAllowed && UnmetGuards.Count == 0;
}

/// <summary>A step that happened: the phase change and what to write in the audit trail.</summary>
/// <param name="AtUtc">The step's moment: the phase was entered and its deadlines counted from it, so what follows the step (a decision letter) is dated by it too.</param>
public sealed record StepOutcome(string Trigger, string FromPhase, string ToPhase, string ActingRole, IReadOnlyList<Audit.AuditRecord> Records, DateTime AtUtc);

public sealed record StepResult(StepOutcome? Outcome, RuleViolation? Violation)
{
    public static StepResult Done(StepOutcome outcome) => new(outcome, null);
    public static StepResult Refused(RuleViolation violation) => new(null, violation);
}
