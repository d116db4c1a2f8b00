namespace TenderFlow.Domain.Workflow.Actions;

/// <summary>Marks the tender as ended with the end phase as its outcome (awarded, unsuccessful, cancelled…).</summary>
public sealed class RecordOutcomeAction : IEntryAction
{
    public string Name => "tender.recordOutcome";

    public Task ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        context.Tender.Outcome = context.Tender.Phase;
        context.Tender.ClosedAtUtc = context.NowUtc;
        context.Record("tender.closed", $"tender/{context.Tender.Id}", new { outcome = context.Tender.Phase });
        return Task.CompletedTask;
    }
}
