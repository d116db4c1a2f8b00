using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Workflow.Actions;

/// <summary>
/// A named action run when a phase is entered, inside the step's transaction. It changes the tender
/// aggregate only and says what it did as audit records; if it throws, the whole step is undone.
/// </summary>
public interface IEntryAction
{
    string Name { get; }
    Task ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}

public sealed class ActionContext(Tender tender, WorkflowDefinition definition, Actor actor, DateTime nowUtc)
{
    private readonly List<AuditRecord> _records = [];

    public Tender Tender { get; } = tender;
    public WorkflowDefinition Definition { get; } = definition;
    public Actor Actor { get; } = actor;
    public DateTime NowUtc { get; } = nowUtc;
    public IReadOnlyList<AuditRecord> Records => _records;

    public void Record(string action, string subject, object payload) => _records.Add(new AuditRecord(action, subject, payload));
}
