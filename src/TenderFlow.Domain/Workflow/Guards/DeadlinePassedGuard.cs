using TenderFlow.Domain.Time;

namespace TenderFlow.Domain.Workflow.Guards;

/// <summary>The named deadline is planned and the server clock has reached it.</summary>
public sealed class DeadlinePassedGuard : IGuard
{
    public string Name => "deadline.passed";
    public GuardArgument Argument => GuardArgument.DeadlineId;

    public Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var key = context.Argument ?? throw new InvalidOperationException("deadline.passed needs a deadline id.");
        var title = context.Definition.Deadline(key)?.Title ?? new(key, key);
        var due = context.Tender.Deadline(key)?.DueAtUtc;
        if (due is null)
        {
            return Task.FromResult(GuardOutcome.No(
                $"De termijn '{title.Nl}' is nog niet gepland.",
                $"The deadline '{title.En}' has not been planned yet."));
        }
        var shown = AmsterdamTime.Format(due.Value);
        return Task.FromResult(context.NowUtc >= due.Value
            ? GuardOutcome.Yes($"De termijn '{title.Nl}' is verstreken ({shown}).", $"The deadline '{title.En}' has passed ({shown}).")
            : GuardOutcome.No(
                $"De termijn '{title.Nl}' is nog niet verstreken: die loopt tot {shown} (Europe/Amsterdam).",
                $"The deadline '{title.En}' has not passed yet: it runs until {shown} (Europe/Amsterdam)."));
    }
}
