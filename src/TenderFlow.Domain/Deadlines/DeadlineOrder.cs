using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Deadlines;

/// <summary>
/// The order a definition declares (<see cref="DeadlineDefinition.After"/>), e.g. questions close after publication and
/// applications after questions. Only pairs that both have a moment are compared, and only pairs with a deadline in
/// <paramref name="moved"/>, so that an order someone broke before does not block an unrelated change.
/// </summary>
public static class DeadlineOrder
{
    public static RuleViolation? Check(WorkflowDefinition definition, IReadOnlyDictionary<string, DateTime?> dues, IReadOnlySet<string> moved, Func<string, string> field)
    {
        foreach (var later in definition.Deadlines)
        {
            foreach (var earlier in later.After.Select(id => definition.Deadline(id)!))
            {
                if ((moved.Contains(later.Id) || moved.Contains(earlier.Id))
                    && dues.GetValueOrDefault(later.Id) is { } laterUtc && dues.GetValueOrDefault(earlier.Id) is { } earlierUtc && laterUtc <= earlierUtc)
                {
                    return new RuleViolation("DeadlineOrderRule", RuleKind.Invalid, new(
                        $"'{later.Title.Nl}' ({AmsterdamMoment.Show(laterUtc)}) moet na '{earlier.Title.Nl}' ({AmsterdamMoment.Show(earlierUtc)}) liggen.",
                        $"'{later.Title.En}' ({AmsterdamMoment.Show(laterUtc)}) must come after '{earlier.Title.En}' ({AmsterdamMoment.Show(earlierUtc)})."),
                        field(moved.Contains(later.Id) ? later.Id : earlier.Id));
                }
            }
        }
        return null;
    }
}
