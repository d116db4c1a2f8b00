using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>The kinds of decision, in the order the list shows them.</summary>
public static class DecisionKinds
{
    public const string Selection = "selection";
    public const string Opening = "opening";
    public const string Award = "award";
    public const string Objection = "objection";
    public const string Deadline = "deadline";

    public static readonly IReadOnlyList<string> Ordered = [Selection, Opening, Award, Objection, Deadline];

    public static LocalizedText Title(string kind) => kind switch
    {
        Selection => new("Selectiebeslissingen", "Selection decisions"),
        Opening => new("Openingen van kluizen", "Vault openings"),
        Award => new("Gunningsbeslissingen", "Award decisions"),
        Objection => new("Bezwaren", "Objections"),
        _ => new("Termijnwijzigingen", "Deadline changes"),
    };
}

/// <summary>A reason, argument or motivation that belongs to a decision, with what it is (e.g. "Advies Juridische Zaken").</summary>
/// <param name="Text">What people wrote is shown as written in both languages; the system's own wording is translated.</param>
public sealed record DecisionReason(LocalizedText Label, LocalizedText Text)
{
    public DecisionReason(LocalizedText label, string written) : this(label, new LocalizedText(written, written))
    {
    }
}

/// <summary>Someone involved in a decision: in what capacity, with the role they acted in and their organisation.</summary>
public sealed record DecisionPerson(string UserId, string Name, LocalizedText Capacity, string Role, string? Organisation);

public sealed record DecisionDocument(Guid Id, string FileName, string Kind, int Version, long SizeBytes, string Sha256);

/// <summary>An audit event that records (part of) the decision.</summary>
public sealed record DecisionEvent(long Sequence, string Action, DateTime OccurredAtUtc, string Hash);

/// <summary>The workflow definition a decision was taken under, as stored in the definition snapshots.</summary>
public sealed record DecisionDefinition(string Id, int Version, string Hash, bool SnapshotStored);

/// <summary>One decision of a tender with everything needed to reconstruct it.</summary>
/// <param name="Key">Stable: <c>selection-1</c>, <c>opening-selection</c> (a later round of the same vault: <c>opening-submission-2</c>), <c>award-1</c>, <c>award-final</c>, <c>objection-{id}</c>, <c>deadline-{sequence}</c>.</param>
public sealed record Decision(
    string Key,
    string Kind,
    LocalizedText Title,
    LocalizedText Summary,
    DateTime DecidedAtUtc,
    LocalizedText? Status,
    IReadOnlyList<DecisionReason> Reasons,
    IReadOnlyList<DecisionPerson> People,
    IReadOnlyList<DecisionDocument> Documents,
    DecisionDefinition Definition,
    IReadOnlyList<DecisionEvent> Events)
{
    public string PdfUrl(Guid tenderId) => $"/api/tenders/{tenderId}/records/decisions/{Key}.pdf";
}

public sealed record TenderDecisions(Guid TenderId, string Reference, string Title, string Phase, DecisionDefinition Definition, IReadOnlyList<Decision> Decisions)
{
    public Decision? Find(string key) => Decisions.FirstOrDefault(d => d.Key == key);
}
