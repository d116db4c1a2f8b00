using TenderFlow.Domain.Time;

namespace TenderFlow.Domain.Workflow.Guards;

/// <summary>
/// The named deadline is planned and still ahead by the server clock: a trigger that opens a phase this deadline closes
/// needs it, or the phase would close the moment it opened and nobody could act in it.
/// </summary>
public sealed class DeadlineAheadGuard : IGuard
{
    public string Name => "deadline.ahead";
    public GuardArgument Argument => GuardArgument.DeadlineId;

    public Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var key = context.Argument ?? throw new InvalidOperationException("deadline.ahead needs a deadline id.");
        var title = context.Definition.Deadline(key)?.Title ?? new(key, key);
        var due = context.Tender.Deadline(key)?.DueAtUtc;
        if (due is null)
        {
            return Task.FromResult(GuardOutcome.No(
                $"De termijn '{title.Nl}' is nog niet gepland: plan die eerst.",
                $"The deadline '{title.En}' has not been planned yet: plan it first."));
        }
        var shown = AmsterdamTime.Format(due.Value);
        return Task.FromResult(context.NowUtc < due.Value
            ? GuardOutcome.Yes($"De termijn '{title.Nl}' loopt nog tot {shown}.", $"The deadline '{title.En}' runs until {shown}.")
            : GuardOutcome.No(
                $"De termijn '{title.Nl}' is al verstreken ({shown}, Europe/Amsterdam): plan eerst een nieuw moment.",
                $"The deadline '{title.En}' has already passed ({shown}, Europe/Amsterdam): plan a new moment first."));
    }
}
