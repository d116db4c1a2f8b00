using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>A follow-up of <see cref="Trigger"/> that always refuses: the step has been saved in its transaction when this runs.</summary>
public sealed class RefusingFollowUp(string trigger = "closeApplications") : IStepFollowUp
{
    public string Trigger => trigger;

    public Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken cancellationToken) =>
        Task.FromResult<RuleViolation?>(new RuleViolation("LetterPrinterOnFireRule", RuleKind.Conflict, new("De printer brandt.", "The printer is on fire.")));
}
