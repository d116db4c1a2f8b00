using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>
/// Work a feature must do in the same transaction as one particular step, whoever fires it (the feature's own page, the
/// generic trigger API, the tender page or a deadline job): e.g. sending the selection decision letters when the decision
/// is announced. A follow-up that refuses rolls the whole step back.
/// </summary>
public interface IStepFollowUp
{
    /// <summary>The trigger id (from the definition) after which this runs.</summary>
    string Trigger { get; }

    Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken cancellationToken);
}
