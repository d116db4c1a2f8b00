using TenderFlow.Domain.Workflow.Actions;
using TenderFlow.Domain.Workflow.Guards;

namespace TenderFlow.Domain.Workflow.Runtime;

/// <summary>The guards and entry actions definitions may name. Unknown names are refused when a definition loads.</summary>
public sealed class BehaviourRegistry
{
    private readonly Dictionary<string, IGuard> _guards;
    private readonly Dictionary<string, IEntryAction> _actions;

    public BehaviourRegistry(IEnumerable<IGuard> guards, IEnumerable<IEntryAction> actions)
    {
        _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);
        _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public static IReadOnlyList<IGuard> BuiltInGuards { get; } =
    [
        new DeadlinePassedGuard(),
        new DeadlineAheadGuard(),
        new ExactlyOneCandidateSelectedGuard(),
        new NoOpenObjectionsGuard(),
        new AllThemesSettledGuard(),
        new SpecificationApprovedByLegalGuard(),
        new QualitySufficientGuard(),
        new QualityInsufficientGuard(),
        new ContractRecordedGuard(),
        new AllQuestionsInANoteGuard(),
    ];

    public static IReadOnlyList<IEntryAction> BuiltInActions { get; } =
    [
        new OpenDialogueThemesAction(),
        new RecordOutcomeAction(),
    ];

    public static BehaviourRegistry BuiltIn { get; } = new(BuiltInGuards, BuiltInActions);

    public IGuard? Guard(string name) => _guards.GetValueOrDefault(name);
    public IEntryAction? Action(string name) => _actions.GetValueOrDefault(name);
    public IEnumerable<string> GuardNames => _guards.Keys;
    public IEnumerable<string> ActionNames => _actions.Keys;
}
