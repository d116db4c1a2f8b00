using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Guards;

public enum GuardArgument
{
    None,
    DeadlineId,
}

/// <summary>A named condition a trigger needs; referenced from definitions by <see cref="Name"/>.</summary>
public interface IGuard
{
    string Name { get; }
    GuardArgument Argument { get; }
    Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken);
}

public sealed record GuardContext(Tender Tender, WorkflowDefinition Definition, string? Argument, DateTime NowUtc, ITenderFacts Facts);

/// <summary>Whether a guard holds, and in words why not (shown to the person who wants to move on).</summary>
public sealed record GuardOutcome(bool Met, LocalizedText Explanation)
{
    public static GuardOutcome Yes(string nl, string en) => new(true, new LocalizedText(nl, en));
    public static GuardOutcome No(string nl, string en) => new(false, new LocalizedText(nl, en));
}
